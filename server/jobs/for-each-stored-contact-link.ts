import type { LinkRecord, Store, UserKey } from '../store/store';

/** Links read this many at a time: a mailbox's 100,000 rows with their snapshots at once weigh about 70 MB. */
const pageSize = 2000;

/** Visits a user's contact links in erpId order, one page of the store at a time. */
export async function forEachStoredContactLink(store: { links: Pick<Store['links'], 'listForUser'> }, user: UserKey, visit: (record: LinkRecord) => void): Promise<void> {
  for (let afterErpId: string | undefined; ; ) {
    const page = await store.links.listForUser(user, 'contact', { ...(afterErpId === undefined ? {} : { afterErpId }), limit: pageSize });
    for (const record of page) visit(record);
    const last = page.at(-1);
    if (page.length < pageSize || last === undefined) return;
    afterErpId = last.erpId;
  }
}
