/**
 * A list of allowed values with `value` allowed or not, in `order`; the default moves to the
 * first value left when it stops being allowed. The last allowed value cannot be removed.
 */
export function allowValue<T extends string>(order: readonly T[], allowed: readonly T[], fallback: T, value: T, on: boolean): { allowed: T[]; fallback: T } {
  const next = order.filter((candidate) => (candidate === value ? on : allowed.includes(candidate)));
  if (next.length === 0) return { allowed: [...allowed], fallback };
  return { allowed: next, fallback: next.includes(fallback) ? fallback : (next[0] ?? fallback) };
}
