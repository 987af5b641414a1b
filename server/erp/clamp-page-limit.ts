/** The port takes any limit; the adapters keep a page between 1 and 1,000 rows so one call cannot read a whole ERP. */
export function clampPageLimit(limit: number): number {
  if (!Number.isFinite(limit)) return 1;
  return Math.min(1_000, Math.max(1, Math.trunc(limit)));
}
