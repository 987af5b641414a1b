/**
 * The updated-at value of a write: the clock, but always after the row's previous value. Without
 * a version column the version is that instant in milliseconds, so two writes in one millisecond
 * (or a clock behind the ERP's) must still give a new version.
 */
export function nextSqlWriteStamp(now: () => Date, previous: string | undefined): Date {
  const floor = previous ? Date.parse(previous) + 1 : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(now().getTime(), floor));
}
