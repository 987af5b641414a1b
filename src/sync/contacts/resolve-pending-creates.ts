import { chooseKeptCopy } from './choose-kept-copy';
import type { ListedOutlookContact } from './listed-contact';
import type { ContactLink } from './contact-link';
import { listedErpId } from './listed-erp-id';

/**
 * The `outlookId` of a link saved just before its create is sent: the create's answer may never
 * come back (a killed process), but the link keeps what was sent as the merge base, so a user's
 * edit of the new copy is merged like any other instead of being overwritten on adoption.
 */
export const pendingCreateId = '(pending create)';

export interface ResolvedPendingCreates {
  /** Every link, the pending ones pointing at the copy the create made, those without a copy left out. */
  links: ContactLink[];
  /** Links to save: the create did happen. */
  resolved: ContactLink[];
  /** ERP ids whose create did not happen (or whose copy is already gone): their link is dropped and the planner decides again. */
  dropped: string[];
}

/** Matches the links of creates whose answer was lost to the tagged copies a listing shows. */
export function resolvePendingCreates(links: readonly ContactLink[], contacts: readonly ListedOutlookContact[], environment: string): ResolvedPendingCreates {
  const result: ResolvedPendingCreates = { links: [], resolved: [], dropped: [] };
  if (!links.some((link) => link.outlookId === pendingCreateId)) return { ...result, links: [...links] };
  const copies = new Map<string, ListedOutlookContact[]>();
  for (const contact of contacts) {
    const erpId = listedErpId(contact, environment);
    if (erpId !== undefined) copies.set(erpId, [...(copies.get(erpId) ?? []), contact]);
  }
  for (const link of links) {
    if (link.outlookId !== pendingCreateId) {
      result.links.push(link);
      continue;
    }
    const { keep } = chooseKeptCopy(copies.get(link.erpId) ?? [], undefined);
    if (keep === undefined) {
      result.dropped.push(link.erpId);
      continue;
    }
    const resolved = { ...link, outlookId: keep.id };
    result.links.push(resolved);
    result.resolved.push(resolved);
  }
  return result;
}
