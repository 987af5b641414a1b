import { z } from 'zod';
import { parseErpTag } from '../../src/domain/parse-erp-tag';
import { batch, type BatchRequest } from '../../src/graph/batch';
import { contactPath, folderContactsPath } from '../../src/graph/contacts/contact-paths';
import { contactDeltaSelect, pageContactDelta } from '../../src/graph/contacts/page-contact-delta';
import { createContact } from '../../src/graph/contacts/create-contact';
import { deleteContact } from '../../src/graph/contacts/delete-contact';
import { erpIdPropertyId, expandErpId } from '../../src/graph/contacts/erp-id-property';
import type { GraphContact } from '../../src/graph/contacts/graph-contact';
import { type OutlookOnlyParts, toGraphContact } from '../../src/graph/contacts/to-graph-contact';
import { updateContact } from '../../src/graph/contacts/update-contact';
import type { GraphClient } from '../../src/graph/create-graph-client';
import type { Mailbox } from '../../src/graph/mailbox-path';
import { odataQuery } from '../../src/graph/odata-query';
import type { GraphCollection } from '../../src/graph/graph-collection';
import { createSortedLookup } from '../../src/sync/contacts/create-sorted-lookup';
import type { OutlookContact } from '../../src/sync/contacts/outlook-contact';
import { SyncError } from '../../src/sync/sync-error';
import type { FolderDeltaRound, GraphContactFolder, OutlookWrite, OutlookWriteAnswer } from './graph-contact-folder';
import { toGraphContactPatch } from './to-graph-contact-patch';
import { toOutlookContact } from './to-outlook-contact';

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
export function createGraphContactFolder(client: GraphClient, mailbox: Mailbox, folderId: string): GraphContactFolder {
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

    async createContact(fields, tag) {
      const key = parseErpTag(tag);
      if (key === undefined) throw new SyncError('invalid_input', `"${tag}" is not an ERP tag`);
      return toOutlookContact(await createContact(client, mailbox, folderId, toGraphContact(fields), key));
    },

    async updateContact(outlookId, changes, changeKey) {
      const patch = toGraphContactPatch(changes, outlookOnly.get(outlookId));
      return toOutlookContact(await updateContact(client, mailbox, outlookId, patch, etagOf(changeKey)));
    },

    async removeContact(outlookId, changeKey) {
      await deleteContact(client, mailbox, outlookId, changeKey === undefined ? undefined : etagOf(changeKey));
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
