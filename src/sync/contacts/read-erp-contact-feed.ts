import type { ErpContactSource } from './erp-contact-source';

/** The ERP change feed from a cursor to its end. */
export interface ErpFeedRead {
  /** Records written since the cursor, with the version the feed showed last. */
  versions: Map<string, number>;
  /** Records deleted since the cursor: the plan's tombstones. */
  deletedIds: string[];
  endCursor: string | undefined;
}

/** Reads every page of the feed after `cursor`, keeping only ids and versions (a first read walks the whole ERP). */
export async function readErpContactFeed(erp: Pick<ErpContactSource, 'listContactChanges'>, cursor: string | undefined): Promise<ErpFeedRead> {
  const read: ErpFeedRead = { versions: new Map(), deletedIds: [], endCursor: cursor };
  for (;;) {
    const page = await erp.listContactChanges(read.endCursor);
    for (const item of page.items) read.versions.set(item.id, item.version);
    read.deletedIds.push(...page.deletedIds);
    read.endCursor = page.nextCursor;
    if (!page.hasMore) return read;
  }
}
