import { StoreError } from './store-error';

/**
 * Normalises a date to UTC `toISOString()` form before it is stored: dates are text columns, and
 * only one fixed-width form sorts in time order.
 */
export function toIsoInstant(value: string, field: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new StoreError('invalid_input', `${field} is not an ISO 8601 date: "${value}"`);
  return new Date(time).toISOString();
}
