import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createStoreTaskSync } from '../../../server/jobs/create-store-task-sync';
import { openStore } from '../../../server/store/open-store';
import type { Store, UserKey } from '../../../server/store/store';
import type { TaskConflict } from '../../../src/sync/tasks/task-conflict';
import type { TaskLink } from '../../../src/sync/tasks/task-link';
import { createTestDatabase } from '../../support/postgres-database';

const user: UserKey = { tenantId: 't-1', objectId: 'o-1' };
const now = () => new Date('2026-03-02T08:00:00.000Z');
const link: TaskLink = {
  erpId: 'A-1', outlookId: 'task-1', state: 'active', missedListings: 1, updatedAt: '2026-03-02T08:00:00.000Z',
  snapshot: { subject: 'Llamar', notes: '<b>texto</b>', dueDate: '2026-03-29', status: 'done', version: 4, changeKey: 'ck-1' },
};
const conflict: TaskConflict = { id: 'c-1', erpId: 'A-1', field: 'dueDate', erpValue: '2026-03-29', outlookValue: null, status: 'open', createdAt: '2026-03-02T08:00:00.000Z' };

const databases: { drop: () => Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

const stores: [string, () => Promise<Store>][] = [
  ['SQLite', () => openStore('sqlite::memory:')],
  ['PostgreSQL', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    return openStore(database.url);
  }],
];

describe.each(stores)('the task sync store over the bridge store (%s)', (_name, open) => {
  let store: Store;
  beforeEach(async () => {
    store = await open();
    await store.users.upsert({ ...user, environment: 'acme', email: 'ana@acme.example', displayName: 'Ana' }, now().toISOString());
    return () => store.close();
  });

  it('saves the state, links and conflicts of one transaction, and reads them back as written', async () => {
    const tasks = createStoreTaskSync(store, user, now);
    await tasks.transaction(async (writer) => {
      await writer.saveLink(link);
      await writer.addConflict(conflict);
      await writer.saveState({ list: { id: 'list-1', name: 'ERP', isShared: false }, deltaLink: 'https://graph/delta?$deltatoken=1', erpCursor: '42', erpListedAt: '2026-03-02T08:00:00.000Z' });
    });

    expect(await tasks.readState()).toEqual({ list: { id: 'list-1', name: 'ERP', isShared: false }, deltaLink: 'https://graph/delta?$deltatoken=1', erpCursor: '42', erpListedAt: '2026-03-02T08:00:00.000Z' });
    expect(await tasks.listLinks()).toEqual([link]);
    expect(await tasks.listConflicts()).toEqual([conflict]);
  });

  it('removes what a later state leaves out, and a link', async () => {
    const tasks = createStoreTaskSync(store, user, now);
    await tasks.transaction(async (writer) => {
      await writer.saveLink(link);
      await writer.saveState({ list: { id: 'list-1', name: 'ERP', isShared: false }, deltaLink: 'd', erpCursor: '1' });
    });

    await tasks.transaction(async (writer) => {
      await writer.removeLink('A-1');
      await writer.saveState({ list: { id: 'list-2', name: 'Ventas', isShared: true } });
    });

    expect(await tasks.readState()).toEqual({ list: { id: 'list-2', name: 'Ventas', isShared: true } });
    expect(await tasks.listLinks()).toEqual([]);
  });

  it('keeps nothing of a transaction that throws', async () => {
    const tasks = createStoreTaskSync(store, user, now);

    await expect(tasks.transaction(async (writer) => {
      await writer.saveLink(link);
      await writer.saveState({ deltaLink: 'd' });
      throw new Error('the run died');
    })).rejects.toThrow('the run died');

    expect(await tasks.readState()).toEqual({});
    expect(await tasks.listLinks()).toEqual([]);
  });

  it('sees neither contact links and conflicts nor another user’s tasks', async () => {
    const other: UserKey = { tenantId: 't-1', objectId: 'o-2' };
    await store.users.upsert({ ...other, environment: 'acme', email: 'ben@acme.example', displayName: 'Ben' }, now().toISOString());
    await createStoreTaskSync(store, other, now).transaction((writer) => writer.saveLink(link));
    await store.links.upsert({ user, entity: 'contact', erpId: 'C-1', outlookId: 'contact-1', state: 'active', snapshot: {}, missedListings: 0, updatedAt: now().toISOString() });
    await store.conflicts.add({ ...conflict, id: 'c-2', user, entity: 'contact', field: 'emails' });

    const tasks = createStoreTaskSync(store, user, now);

    expect(await tasks.listLinks()).toEqual([]);
    expect(await tasks.listConflicts()).toEqual([]);
  });
});
