/** Records leave the adapters without `undefined` keys, so JSON bodies and `toEqual` see the same shape. */
export function omitUndefined<T extends object>(record: T): T {
  const entries = Object.entries(record).filter(([, value]) => value !== undefined);
  return Object.fromEntries(entries) as T;
}
