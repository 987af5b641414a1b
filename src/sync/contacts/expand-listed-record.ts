import type { ErpContact } from '../../domain/erp-records';
import type { ContactLink } from './contact-link';
import type { ListedContactLink, ListedErpContact, ListedOutlookContact } from './listed-contact';
import type { OutlookContact } from './outlook-contact';
import { syncedContactKey } from './synced-contact-key';

export type ExpandedRecord = { erp: ErpContact | undefined; link: ContactLink | undefined; copies: OutlookContact[] };

/** The snapshot a shrunk listing was compared with; the runner reads it again for every record it plans. */
function snapshotFor(erpId: string, link: ListedContactLink | undefined, inStepWith: string): ContactLink['snapshot'] {
  if (link === undefined || !('snapshot' in link)) throw new Error(`contact ${erpId} needs planning, but its link came without its snapshot`);
  if (syncedContactKey(link.snapshot, true) !== inStepWith) throw new Error(`the link of contact ${erpId} changed while the run listed both sides`);
  return link.snapshot;
}

/**
 * One record's listed ERP record and items in full: the ones listed in step get their fields back
 * from the link's snapshot, and an item its tag (`<environment>:<erpId>`) from the id it kept.
 */
export function expandListedRecord(
  erpId: string,
  erp: ListedErpContact | undefined,
  link: ListedContactLink | undefined,
  copies: readonly ListedOutlookContact[],
  environment: string,
): ExpandedRecord {
  let fullErp: ErpContact | undefined;
  if (erp === undefined || !('inStepWith' in erp)) {
    fullErp = erp;
  } else {
    const { inStepWith, ...others } = erp;
    const snapshot = snapshotFor(erpId, link, inStepWith);
    fullErp = { ...others, ...snapshot, displayName: snapshot.displayName ?? '' };
  }
  const fullCopies = copies.map((copy): OutlookContact => {
    if (!('inStepWith' in copy)) return copy;
    const { inStepWith, categories, erpId: taggedId, ...others } = copy;
    return { ...others, tag: `${environment}:${taggedId}`, fields: { ...snapshotFor(erpId, link, inStepWith), categories } };
  });
  if (link !== undefined && !('snapshot' in link)) throw new Error(`contact ${erpId} needs planning, but its link came without its snapshot`);
  return { erp: fullErp, link, copies: fullCopies };
}
