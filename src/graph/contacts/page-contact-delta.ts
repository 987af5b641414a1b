import type { GraphClient } from '../create-graph-client';
import type { GraphCollection } from '../graph-collection';
import type { Mailbox } from '../mailbox-path';
import { SyncError } from '../../sync/sync-error';
import { odataQuery } from '../odata-query';
import { folderContactsPath } from './contact-paths';
import type { GraphContact } from './graph-contact';

/** `changed`: the item may come back (e.g. moved out of the folder); `deleted`: gone for good. */
export interface ContactRemoval {
  id: string;
  reason: 'changed' | 'deleted';
}

export interface ContactDeltaPage {
  /** Added or changed since the last round; the same contact may come twice (replays are allowed). */
  contacts: GraphContact[];
  removals: ContactRemoval[];
  /** On the last page only: save it with what the round produced, then start the next round from it. */
  deltaLink?: string;
}

export interface ContactDeltaRequest {
  folderId: string;
  /** The link saved by the last round; absent for a full (initial) round. */
  deltaLink?: string;
  /** `Prefer: odata.maxpagesize`; Outlook pages hold 10 items unless asked. */
  pageSize?: number;
}

/** The synced fields and what a three-way merge needs; the delta token keeps the selection for later rounds. */
export const contactDeltaSelect = [
  'givenName', 'surname', 'displayName', 'companyName', 'jobTitle', 'emailAddresses', 'businessPhones',
  'mobilePhone', 'businessAddress', 'personalNotes', 'categories', 'parentFolderId', 'changeKey', 'lastModifiedDateTime',
].join(',');

type DeltaItem = GraphContact & { '@removed'?: { reason?: string } };

function toPage(page: GraphCollection<DeltaItem> | undefined): ContactDeltaPage {
  const contacts: GraphContact[] = [];
  const removals: ContactRemoval[] = [];
  for (const item of page?.value ?? []) {
    const { '@removed': removed, ...contact } = item;
    if (removed === undefined) contacts.push(contact);
    else if (item.id) removals.push({ id: item.id, reason: removed.reason === 'changed' ? 'changed' : 'deleted' });
  }
  // An empty link is no link: a round resumed from it would read nothing.
  const deltaLink = page?.['@odata.deltaLink'] || undefined;
  return deltaLink === undefined ? { contacts, removals } : { contacts, removals, deltaLink };
}

/**
 * One delta round of a contact folder, page by page, following `@odata.nextLink` to the
 * `@odata.deltaLink`. A stale link (410 `syncStateNotFound`) throws `SyncError` `cursor_expired`:
 * drop the link and start a full round, upserting by id. A page with neither link throws
 * `unavailable`: the round did not end, and no cursor may be saved from it. Permission: Contacts.Read.
 *
 * @example
 * for await (const page of pageContactDelta(graph, userId, { folderId, deltaLink: saved })) apply(page);
 */
export async function* pageContactDelta(client: GraphClient, mailbox: Mailbox, request: ContactDeltaRequest): AsyncGenerator<ContactDeltaPage> {
  const headers = { Prefer: `odata.maxpagesize=${request.pageSize ?? 200}` };
  let next: string | undefined = request.deltaLink ?? `${folderContactsPath(mailbox, request.folderId)}/delta?${odataQuery({ $select: contactDeltaSelect })}`;
  while (next !== undefined) {
    const answer: GraphCollection<DeltaItem> | undefined = await client.request<GraphCollection<DeltaItem>>('GET', next, { headers, mailbox });
    const page = toPage(answer);
    next = page.deltaLink === undefined ? answer?.['@odata.nextLink'] || undefined : undefined;
    // Graph's delta rounds end with a deltaLink; a last page without one would leave nothing to resume from.
    if (page.deltaLink === undefined && next === undefined) {
      throw new SyncError('unavailable', 'Microsoft Graph ended a contact delta round with neither @odata.nextLink nor @odata.deltaLink.');
    }
    yield page;
  }
}
