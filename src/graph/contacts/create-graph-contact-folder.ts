import { z } from 'zod';
import { batch, type BatchRequest } from '../batch';
import { contactPath, folderContactsPath } from './contact-paths';
import { contactDeltaSelect, pageContactDelta } from './page-contact-delta';
import { erpIdPropertyId, expandErpId } from '../erp-id-property';
import type { MoveAnswer } from '../../sync/contacts/outlook-contact-folder';
import type { GraphContact } from './graph-contact';
import { type OutlookOnlyParts, toGraphContact } from './to-graph-contact';
import type { GraphClient } from '../create-graph-client';
import type { Mailbox } from '../mailbox-path';
import { odataQuery } from '../odata-query';
import type { GraphCollection } from '../graph-collection';
import type { OutlookContact } from '../../sync/contacts/outlook-contact';
import { SyncError } from '../../sync/sync-error';
import type { FolderDeltaRound, OutlookContactFolder, OutlookWrite, OutlookWriteAnswer } from '../../sync/contacts/outlook-contact-folder';
import { createSortedLookup } from '../../sync/contacts/create-sorted-lookup';
import { toGraphContactPatch } from './to-graph-contact-patch';
import { toContactCopy } from './to-contact-copy';
import { toOutlookContact } from './to-outlook-contact';
import { formatErpIdValue, readErpKey } from '../erp-id-property';

/** Graph's largest list page: 100,000 contacts are read in 100 requests. */
const listPageSize = 1000;
/** Outlook's largest contact delta page (graph-facts §2). */
const deltaPageSize = 200;

const listQuery = odataQuery({ $top: String(listPageSize), $select: `${contactDeltaSelect},createdDateTime`, $expand: expandErpId });
const writtenItemSchema = z.object({ id: z.string(), changeKey: z.string().optional() });

const etagOf = (changeKey: string) => `W/"${changeKey}"`;

/**
 * The mailbox's chosen contact folder over the Graph gateway. Listings carry the ERP id tag; writes
 * go in `$batch`es holding all four of the mailbox's slots; creates carry the tag, so a create whose
 * answer was lost is found (and adopted) by the next listing instead of being sent twice.
 */
export function createGraphContactFolder(client: GraphClient, mailbox: Mailbox, folderId: string): OutlookContactFolder {
  const folderPath = folderContactsPath(mailbox, folderId);
  // What a PATCH of synced lists must keep: business phones after the first (the ERP has one slot) and
  // the names the user gave to email addresses. Only items that have some are remembered: at 100,000
  // contacts a copy of every list would hold megabytes.
  const outlookOnly = new Map<string, OutlookOnlyParts>();

  const remember = (contact: GraphContact) => {
    if (!contact.id) return;
    const phones = contact.businessPhones ?? [];
    // A name that is the address or the contact's own name is what Outlook or we would write anyway.
    const namedEmails = (contact.emailAddresses ?? []).filter((email) => email.name && email.name !== email.address && email.name !== contact.displayName);
    if (phones.length > 1 || namedEmails.length > 0) outlookOnly.set(contact.id, { businessPhones: phones.length > 1 ? [...phones] : [], emailAddresses: namedEmails });
    else outlookOnly.delete(contact.id);
  };

  const toRequest = (write: OutlookWrite, id: string): BatchRequest => {
    switch (write.kind) {
      case 'create':
        return {
          id, method: 'POST', url: folderPath,
          body: { ...toGraphContact(write.fields), singleValueExtendedProperties: [{ id: erpIdPropertyId, value: write.tag }] },
        };
      case 'update':
        return {
          id, method: 'PATCH', url: contactPath(mailbox, write.outlookId),
          body: toGraphContactPatch(write.changes, outlookOnly.get(write.outlookId)),
          headers: { 'If-Match': etagOf(write.changeKey) },
        };
      case 'remove':
        return { id, method: 'DELETE', url: contactPath(mailbox, write.outlookId), headers: write.changeKey === undefined ? {} : { 'If-Match': etagOf(write.changeKey) } };
    }
  };

  return {
    folderId,

    async listContacts<Listed extends Pick<OutlookContact, 'id'> = OutlookContact>(shrink?: (contact: OutlookContact) => Listed) {
      // Mapped (and shrunk) item by item as each page arrives: 100,000 contacts as Graph JSON would hold several times the memory of the engine's view.
      const contacts: (OutlookContact | Listed)[] = [];
      outlookOnly.clear();
      const toListed = (contact: GraphContact): OutlookContact | Listed | undefined => {
        if (!contact.id) return undefined;
        remember(contact);
        const listed = toOutlookContact(contact);
        return shrink ? shrink(listed) : listed;
      };
      for (let next: string | undefined = `${folderPath}?${listQuery}`; next !== undefined; ) {
        const page: GraphCollection<OutlookContact | Listed | undefined> = await client.requestCollection(next, toListed);
        for (const contact of page.value ?? []) if (contact !== undefined) contacts.push(contact);
        next = page['@odata.nextLink'];
      }
      // Offset paging can show an item twice while the folder changes: one id is one item, as last read.
      const byId = createSortedLookup(contacts, (contact) => contact.id);
      return contacts.filter((contact) => byId.get(contact.id) === contact);
    },

    async write(writes) {
      const answers = await batch(client, mailbox, writes.map((write, index) => toRequest(write, String(index))));
      return answers.map((answer, index): OutlookWriteAnswer => {
        const write = writes[index];
        if (!answer.ok) {
          // A removal of an item already gone is done; a retried DELETE finds it so.
          if (write?.kind === 'remove' && answer.error.code === 'not_found') return { ok: true };
          return { ok: false, error: answer.error };
        }
        if (write?.kind === 'remove') return { ok: true };
        const written = writtenItemSchema.safeParse(answer.body);
        if (!written.success) return { ok: false, error: new SyncError('unavailable', `Graph answered ${answer.status} without the written contact`) };
        return { ok: true, id: written.data.id, ...(written.data.changeKey === undefined ? {} : { changeKey: written.data.changeKey }) };
      });
    },

    async readChanges(deltaLink) {
      const round: FolderDeltaRound = { changed: new Map(), removed: new Set(), deltaLink: '' };
      for await (const page of pageContactDelta(client, mailbox, { folderId, deltaLink, pageSize: deltaPageSize })) {
        for (const contact of page.contacts) {
          if (!contact.id) continue;
          round.changed.set(contact.id, contact.changeKey ?? '');
          round.removed.delete(contact.id);
        }
        for (const removal of page.removals) {
          round.changed.delete(removal.id);
          round.removed.add(removal.id);
        }
        if (page.deltaLink !== undefined) round.deltaLink = page.deltaLink;
      }
      return round;
    },

    async moveIn(fromFolderId, outlookIds) {
      // Read whole: every property Outlook keeps, not only the synced ones.
      const reads = await batch(client, mailbox, outlookIds.map((outlookId, index) => ({ id: String(index), method: 'GET' as const, url: `${contactPath(mailbox, outlookId)}?${odataQuery({ $expand: expandErpId })}` })));
      const answers: MoveAnswer[] = outlookIds.map(() => ({ ok: false, error: new SyncError('unavailable', 'the contact was not moved') }));
      const copies: { index: number; original: GraphContact; tag: string }[] = [];
      reads.forEach((read, index) => {
        const outlookId = outlookIds[index] ?? '';
        if (!read.ok) {
          answers[index] = read.error.code === 'not_found' ? { ok: true, gone: true } : { ok: false, error: read.error };
          return;
        }
        const original = read.body as GraphContact;
        const key = readErpKey(original);
        // Already here (the user moved it, or an earlier move's removal did not run): nothing to copy.
        if (original.parentFolderId === folderId) answers[index] = { ok: true, id: outlookId, changeKey: original.changeKey ?? '' };
        // Somewhere else than both folders, or no longer ours: the user took it away.
        else if (original.parentFolderId !== fromFolderId || key === undefined) answers[index] = { ok: true, gone: true };
        else copies.push({ index, original, tag: formatErpIdValue(key) });
      });
      const created = await batch(client, mailbox, copies.map(({ original, tag }, index) => ({ id: String(index), method: 'POST' as const, url: folderPath, body: toContactCopy(original, tag) })));
      const moved: { index: number; original: GraphContact; id: string; changeKey: string }[] = [];
      created.forEach((answer, index) => {
        const copy = copies[index];
        if (copy === undefined) return;
        const written = answer.ok ? writtenItemSchema.safeParse(answer.body) : undefined;
        if (!answer.ok) answers[copy.index] = { ok: false, error: answer.error };
        else if (!written?.success) answers[copy.index] = { ok: false, error: new SyncError('unavailable', `Graph answered ${answer.status} without the copied contact`) };
        else moved.push({ index: copy.index, original: copy.original, id: written.data.id, changeKey: written.data.changeKey ?? '' });
      });
      // The original goes only as it was read: one the user changed meanwhile stays, and its copy goes instead.
      const removals = await batch(client, mailbox, moved.map(({ original }, index): BatchRequest => ({
        id: String(index), method: 'DELETE', url: contactPath(mailbox, original.id ?? ''), headers: original.changeKey ? { 'If-Match': etagOf(original.changeKey) } : {},
      })));
      const undo: string[] = [];
      removals.forEach((removal, index) => {
        const copy = moved[index];
        if (copy === undefined) return;
        if (removal.ok || removal.error.code === 'not_found') answers[copy.index] = { ok: true, id: copy.id, changeKey: copy.changeKey };
        else {
          answers[copy.index] = { ok: false, error: removal.error };
          undo.push(copy.id);
        }
      });
      if (undo.length) await batch(client, mailbox, undo.map((id, index) => ({ id: String(index), method: 'DELETE' as const, url: contactPath(mailbox, id) })));
      return answers;
    },

    async recheck(outlookIds) {
      const query = odataQuery({ $select: `${contactDeltaSelect},createdDateTime`, $expand: expandErpId });
      const answers = await batch(client, mailbox, outlookIds.map((outlookId, index) => ({ id: String(index), method: 'GET' as const, url: `${contactPath(mailbox, outlookId)}?${query}` })));
      const gone: string[] = [];
      const found: OutlookContact[] = [];
      answers.forEach((answer, index) => {
        const outlookId = outlookIds[index] ?? '';
        if (!answer.ok) {
          if (answer.error.code === 'not_found') return void gone.push(outlookId);
          throw answer.error;
        }
        // Graph's JSON is trusted to match its types, as everywhere in the gateway.
        const contact = answer.body as GraphContact;
        if (contact.parentFolderId !== folderId) return void gone.push(outlookId);
        remember(contact);
        found.push(toOutlookContact(contact));
      });
      return { gone, found };
    },
  };
}
