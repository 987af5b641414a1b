import { StoreError } from './store-error';

/** Largest page a list method returns, so one request cannot read a whole table. */
export const maximumPageSize = 1_000;

/** SQLite treats a negative LIMIT as none and PostgreSQL rejects it: refuse both the same way. */
export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > maximumPageSize) {
    throw new StoreError('invalid_input', `page size must be an integer from 1 to ${maximumPageSize}, got ${limit}`);
  }
  return limit;
}
