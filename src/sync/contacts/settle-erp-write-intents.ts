import { projectErpContact } from '../../domain/project-erp-contact';
import { normalizeSyncedContact } from '../../domain/normalize-synced-contact';
import type { SyncedContact } from '../../domain/synced-contact';
import { syncedContactFields } from '../../domain/synced-contact-fields';
import type { ListedErpContact, ListedOutlookContact } from './listed-contact';
import { sameFieldValue } from './same-field-value';
import { setSyncedField } from './set-synced-field';
import type { ContactLink } from './contact-link';
import type { ErpWriteIntents } from './erp-write-intents';

/**
 * The links whose ERP write went through before the process died, with the written fields moved
 * into their snapshot: where the ERP still holds exactly what was written, that value is what
 * both sides agreed on. A write that did not happen, or that the ERP's users changed since, leaves
 * the snapshot as it was. Where the Outlook write that went with it did not happen either (the
 * item still has the change key it expected), Outlook's values are the base instead: the ERP's
 * write, a merge of both sides' edits, then reads as an ERP change and still reaches Outlook,
 * rather than Outlook's older value reading as an edit that undoes the ERP's part of the merge.
 */
export function settleErpWriteIntents(
  links: readonly ContactLink[],
  intents: ErpWriteIntents,
  erpContacts: readonly ListedErpContact[],
  outlookContacts: readonly ListedOutlookContact[],
  environment: string,
): { links: ContactLink[]; adjusted: ContactLink[] } {
  const erpById = new Map(erpContacts.map((contact) => [contact.id, contact]));
  const outlookById = new Map(outlookContacts.map((contact) => [contact.id, contact]));
  const adjusted: ContactLink[] = [];
  const result = links.map((link) => {
    const intent = intents[link.erpId];
    const erp = erpById.get(link.erpId);
    // A record listed in step with its link had no write of ours to settle (the runner does not shrink those).
    if (intent === undefined || erp === undefined || 'inStepWith' in erp) return link;
    const projected = projectErpContact(erp, environment).fields;
    const written = syncedContactFields.filter((field) => intent.written.includes(field));
    if (!written.length || !written.every((field) => sameFieldValue(projected[field], intent.snapshot[field]))) return link;
    const item = outlookById.get(link.outlookId);
    const unwritten = intent.outlookChangeKey !== undefined && item !== undefined && item.changeKey === intent.outlookChangeKey && 'fields' in item ? item.fields : undefined;
    const snapshot: SyncedContact = { ...link.snapshot };
    for (const field of written) setSyncedField(snapshot, field, (unwritten ?? intent.snapshot)[field]);
    const settled: ContactLink = { ...link, snapshot: normalizeSyncedContact(snapshot) };
    adjusted.push(settled);
    return settled;
  });
  return { links: result, adjusted };
}
