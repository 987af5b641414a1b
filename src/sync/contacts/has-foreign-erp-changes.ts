import type { ErpFeedRead } from './read-erp-contact-feed';

/** Whether the ERP change feed read after a run's writes holds anything but what the run listed or wrote (`known`: the version it saw or left). */
export function hasForeignErpChanges(feed: ErpFeedRead, known: (erpId: string) => number | undefined): boolean {
  if (feed.deletedIds.length > 0) return true;
  for (const [id, version] of feed.versions) if (known(id) !== version) return true;
  return false;
}
