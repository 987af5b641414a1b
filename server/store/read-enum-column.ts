import { StoreError } from './store-error';

/** Text columns hold the store's string unions; a value outside the union is a corrupt row, not a type lie. */
export function readEnumColumn<const T extends string>(value: string, allowed: readonly T[], where: string): T {
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) throw new StoreError('corrupt_record', `${where} is "${value}", expected one of ${allowed.join(', ')}`);
  return match;
}
