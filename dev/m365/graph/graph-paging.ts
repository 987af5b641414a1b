/**
 * Page sizes. Outlook lists return 10 items unless `$top` asks for more (up to 1,000). Delta pages
 * follow `Prefer: odata.maxpagesize`; without it Outlook delta returns 10 (observed), and a
 * Microsoft answer caps contacts at 200 per page (observed, not in the reference pages).
 */
export interface PagingConfig {
  defaultPageSize: number;
  maxPageSize: number;
  deltaDefaultPageSize: number;
  deltaMaxPageSize: number;
}

export const graphPagingDefaults: PagingConfig = {
  defaultPageSize: 10,
  maxPageSize: 1000,
  deltaDefaultPageSize: 10,
  deltaMaxPageSize: 200,
};

/** The page size of a list request: `$top` when given, within 1 and the maximum. */
export function listPageSize(top: number | undefined, paging: PagingConfig): number {
  return Math.min(Math.max(top ?? paging.defaultPageSize, 1), paging.maxPageSize);
}

/** `Prefer: odata.maxpagesize=N` sets the page size of a delta request, up to the maximum. */
export function deltaPageSize(prefer: ReadonlyMap<string, string>, paging: PagingConfig): { pageSize: number; requested: boolean } {
  const requested = Number(prefer.get('odata.maxpagesize'));
  if (!Number.isInteger(requested) || requested < 1) return { pageSize: paging.deltaDefaultPageSize, requested: false };
  return { pageSize: Math.min(requested, paging.deltaMaxPageSize), requested: true };
}
