import type { Contact } from '@microsoft/microsoft-graph-types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteContact } from '../../../../src/graph/contacts/delete-contact';
import type { GraphContact } from '../../../../src/graph/contacts/graph-contact';
import { pageContactDelta } from '../../../../src/graph/contacts/page-contact-delta';
import { updateContact } from '../../../../src/graph/contacts/update-contact';
import { SyncError } from '../../../../src/sync/sync-error';
import { contoso, type GatewayTest, startGatewayTest } from '../support/start-gateway-test';

const dora = { id: 'd0d0d0d0-0000-4000-8000-00000000000d', userPrincipalName: 'dora@contoso.test' };
const folderSize = 10_000;
const pageSize = 200;

let test: GatewayTest;
let folderId: string;

const people = (count: number): Contact[] =>
  Array.from({ length: count }, (_, index) => ({ givenName: `Person ${index}`, surname: 'Delta', emailAddresses: [{ address: `p${index}@acme.test` }] }));

beforeEach(async () => {
  test = await startGatewayTest();
  const mailbox = test.graph.emulator.admin.addMailbox(contoso.tenantId, { ...dora, contactFolders: [{ displayName: 'ERP', contacts: people(folderSize) }] });
  folderId = mailbox.folders.find((folder) => folder.displayName === 'ERP')?.id ?? '';
});
afterEach(() => test.close());

/** What the folder holds now, by immutable id, as the emulator sees it. */
function folderNow(): Map<string, string | null | undefined> {
  const contacts = test.graph.emulator.admin.readMailbox(dora.id).contacts.filter((contact) => contact.parentFolderId === folderId);
  return new Map(contacts.map((contact) => [contact.immutableId, contact.givenName]));
}

interface SyncOutcome {
  deltaLink: string;
  pages: number;
  resyncs: number;
}

/**
 * The caller the gateway is made for: applies each page to a local copy keyed by id, and on
 * `cursor_expired` drops the link and runs a full round, after which what the round did not list is gone.
 */
async function synchronize(local: Map<string, GraphContact>, deltaLink: string | undefined, afterPage: (page: number) => Promise<void> | void = () => {}): Promise<SyncOutcome> {
  let link = deltaLink;
  let pages = 0;
  for (let resyncs = 0; ; resyncs += 1) {
    const seen = new Set<string>();
    try {
      for await (const page of pageContactDelta(test.client, dora.id, { folderId, deltaLink: link, pageSize })) {
        pages += 1;
        for (const contact of page.contacts) {
          local.set(contact.id ?? '', contact);
          seen.add(contact.id ?? '');
        }
        for (const removal of page.removals) local.delete(removal.id);
        if (page.deltaLink !== undefined) {
          if (link === undefined) for (const id of local.keys()) if (!seen.has(id)) local.delete(id);
          return { deltaLink: page.deltaLink, pages, resyncs };
        }
        await afterPage(pages);
      }
      throw new Error('The delta round ended without a deltaLink.');
    } catch (error) {
      if (!(error instanceof SyncError) || error.code !== 'cursor_expired') throw error;
      link = undefined;
    }
  }
}

const givenNames = (local: Map<string, GraphContact>) => new Map([...local].map(([id, contact]) => [id, contact.givenName]));

describe('pageContactDelta', () => {
  it(`pages through a ${folderSize.toLocaleString('en')}-contact folder ${pageSize} at a time, with immutable ids, to a deltaLink`, async () => {
    const local = new Map<string, GraphContact>();

    const outcome = await synchronize(local, undefined);

    expect(outcome.pages).toBe(folderSize / pageSize);
    expect(local.size).toBe(folderSize);
    expect(givenNames(local)).toEqual(folderNow());
    expect(outcome.deltaLink).toContain('$deltatoken=');
    const prefer = test.sent.map((request) => request.headers.get('prefer'));
    expect(new Set(prefer)).toEqual(new Set([`IdType="ImmutableId", odata.maxpagesize=${pageSize}`]));
  });

  it('applies the next round: changed contacts come again, deleted and moved-away ones as removals', async () => {
    const local = new Map<string, GraphContact>();
    const { deltaLink } = await synchronize(local, undefined);
    const [first, second, third, fourth, fifth, sixth] = [...local.keys()];
    await updateContact(test.client, dora.id, first ?? '', { givenName: 'Renamed' });
    await updateContact(test.client, dora.id, second ?? '', { givenName: 'Renamed too' });
    expect(await deleteContact(test.client, dora.id, third ?? '')).toBe('deleted');
    expect(await deleteContact(test.client, dora.id, fourth ?? '')).toBe('deleted');
    test.graph.emulator.admin.moveContact(dora.id, fifth ?? '', test.graph.emulator.admin.readMailbox(dora.id).defaultFolderId);

    const pages = await collect(deltaLink);
    await synchronize(local, deltaLink);

    expect(pages.flatMap((page) => page.contacts.map((contact) => contact.givenName)).toSorted()).toEqual(['Renamed', 'Renamed too']);
    expect(pages.flatMap((page) => page.removals.map((removal) => removal.id)).toSorted()).toEqual([third, fourth, fifth].toSorted());
    expect(local.size).toBe(folderSize - 3);
    expect(local.get(sixth ?? '')?.givenName).toMatch(/^Person /);
    expect(givenNames(local)).toEqual(folderNow());
  });

  it('survives a 410 in the middle of a round: it starts a full round and ends with the folder as it is, without duplicates', async () => {
    const local = new Map<string, GraphContact>();
    const deletedMidway: string[] = [];

    const outcome = await synchronize(local, undefined, async (page) => {
      if (page !== 10) return;
      // Contacts this round has already listed go away, then the mailbox forgets the round's tokens.
      deletedMidway.push(...[...local.keys()].slice(0, 5));
      for (const id of deletedMidway) await deleteContact(test.client, dora.id, id);
      test.graph.emulator.admin.expireDeltaTokens(dora.id);
    });

    expect(outcome.resyncs).toBe(1);
    expect(outcome.pages).toBe(10 + Math.ceil((folderSize - 5) / pageSize));
    expect(local.size).toBe(folderSize - 5);
    expect(deletedMidway.some((id) => local.has(id))).toBe(false);
    expect(givenNames(local)).toEqual(folderNow());
  });

  it('after a 410, drops what the full round no longer lists', async () => {
    const local = new Map<string, GraphContact>();
    const { deltaLink } = await synchronize(local, undefined);
    const doomed = [...local.keys()].slice(0, 5);
    for (const id of doomed) await deleteContact(test.client, dora.id, id);
    await updateContact(test.client, dora.id, [...local.keys()][10] ?? '', { givenName: 'Changed before the 410' });
    test.graph.emulator.admin.expireDeltaTokens(dora.id);

    const outcome = await synchronize(local, deltaLink);

    expect(outcome.resyncs).toBe(1);
    expect(local.size).toBe(folderSize - 5);
    expect(doomed.some((id) => local.has(id))).toBe(false);
    expect(givenNames(local)).toEqual(folderNow());
  });

  it('answers a link the mailbox no longer knows with cursor_expired', async () => {
    const { deltaLink } = await synchronize(new Map(), undefined);
    test.graph.emulator.admin.expireDeltaTokens(dora.id);

    await expect(collect(deltaLink)).rejects.toMatchObject({ code: 'cursor_expired', status: 410, graphCode: 'syncStateNotFound' });
  });
});

async function collect(deltaLink: string) {
  const pages = [];
  for await (const page of pageContactDelta(test.client, dora.id, { folderId, deltaLink, pageSize })) pages.push(page);
  return pages;
}
