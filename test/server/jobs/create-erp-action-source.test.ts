import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErpError, type ErpActor } from '../../../src/domain/erp-port';
import type { ActionInput, ErpAction } from '../../../src/domain/erp-records';
import type { ErpActionSource } from '../../../src/sync/actions/erp-action-source';
import { createErpActionSource } from '../../../server/jobs/create-erp-action-source';
import { FakeClock } from '../../fakes/fake-clock';
import { FakeErpActionSource } from '../../fakes/fake-erp-action-source';
import { openDemoContractErp } from '../erp/demo/demo-erp';
import { steppingClock } from '../erp/erp-port-contract';

/** Two mailboxes over one ERP, and what the ERP's own users do to its actions. */
interface ActionSourceWorld {
  ana: ErpActionSource;
  bruno: ErpActionSource;
  /** A mailbox whose user is not an ERP user. */
  nobody: ErpActionSource;
  add(subject: string, owner: 'ana' | 'bruno', fields?: Partial<ActionInput>): Promise<ErpAction>;
  reassign(action: ErpAction, owner: 'ana' | 'bruno'): Promise<void>;
  remove(action: ErpAction): Promise<void>;
  /** The ERP's own user adds a contact with this email (or none); answers its id. */
  addContact(email?: string): Promise<string>;
  close(): Promise<void>;
}

async function demoWorld(): Promise<ActionSourceWorld> {
  const subject = await openDemoContractErp(steppingClock());
  const { erp, userIds } = subject;
  const actorOf = (owner: 'ana' | 'bruno'): ErpActor => ({ erpUserId: userIds[owner === 'ana' ? 'alice' : 'bruno'], email: `${owner}@contoso.example` });
  const ownerOf = (owner: 'ana' | 'bruno') => userIds[owner === 'ana' ? 'alice' : 'bruno'];
  const clerk: ErpActor = { email: 'clerk@contoso.example' };
  return {
    ana: createErpActionSource(erp, actorOf('ana'), { erpUserId: ownerOf('ana') }),
    bruno: createErpActionSource(erp, actorOf('bruno'), { erpUserId: ownerOf('bruno') }),
    nobody: createErpActionSource(erp, clerk, {}),
    add: (subjectText, owner, fields = {}) =>
      erp.createAction({ type: 'task', subject: subjectText, allDay: false, timeZone: 'Europe/Madrid', status: 'planned', private: false, ownerId: ownerOf(owner), ...fields }, clerk),
    reassign: async (action, owner) => {
      const current = await erp.getAction(action.id);
      await erp.updateAction(action.id, { version: current?.version ?? 0, ownerId: ownerOf(owner) }, clerk);
    },
    remove: async (action) => subject.deleteAction?.(action.id, clerk),
    addContact: async (email) => (await erp.createContact({ displayName: 'Compras Núñez', emails: email === undefined ? [] : [email] }, clerk)).id,
    close: () => erp.close(),
  };
}

async function fakeWorld(): Promise<ActionSourceWorld> {
  const clock = new FakeClock('2026-03-02T09:00:00.000Z');
  const ana = new FakeErpActionSource(clock, { ownerId: 'u-ana', pageSize: 2 });
  const bruno = ana.forOwner('u-bruno');
  return {
    ana,
    bruno,
    nobody: ana.forOwner(''),
    add: async (subject, owner, fields = {}) => (owner === 'ana' ? ana : bruno).addInErp({ subject, ...fields }),
    reassign: async (action, owner) => void ana.reassignInErp(action.id, owner === 'ana' ? ana.ownerId : bruno.ownerId),
    remove: async (action) => ana.deleteInErp(action.id),
    addContact: async (email) => ana.addContactInErp(email),
    close: async () => undefined,
  };
}

async function readAll(source: ErpActionSource, cursor: string | undefined) {
  const seen = { ids: [] as string[], deletedIds: [] as string[], cursor };
  for (let page = 0; page < 50; page++) {
    const feed = await source.listActionChanges(seen.cursor);
    seen.ids.push(...feed.items.map((action) => action.id));
    seen.deletedIds.push(...feed.deletedIds);
    seen.cursor = feed.nextCursor;
    if (!feed.hasMore) break;
  }
  return seen;
}

const sorted = (ids: readonly string[]) => [...ids].sort();

// The fake the event and task collections test with must behave as the real source does.
describe.each([
  ['the ERP action source over the demo ERP', demoWorld],
  ['the hand-written fake ERP action source', fakeWorld],
])('%s', (_name, open) => {
  let world: ActionSourceWorld;

  beforeEach(async () => {
    world = await open();
  });

  afterEach(async () => {
    await world.close();
  });

  it("lists every action the mailbox's ERP user owns, and only those", async () => {
    const visit = await world.add('Visita', 'ana', { type: 'visit', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' });
    const call = await world.add('Llamada', 'ana', { dueDate: '2026-03-11' });
    const theirs = await world.add('Suya', 'bruno');
    expect(sorted((await world.ana.listActionsInScope()).map((action) => action.id))).toEqual(sorted([visit.id, call.id]));
    expect((await world.bruno.listActionsInScope()).map((action) => action.id)).toEqual([theirs.id]);
    expect(await world.nobody.listActionsInScope()).toEqual([]);
  });

  it('feeds changes oldest first in pages, then only what changed since the cursor', async () => {
    const first = await world.add('Primera', 'ana');
    const second = await world.add('Segunda', 'ana');
    const third = await world.add('Tercera', 'ana');
    const initial = await readAll(world.ana, undefined);
    expect(initial.ids).toEqual([first.id, second.id, third.id]);
    expect((await readAll(world.ana, initial.cursor)).ids).toEqual([]);
    const edited = await world.ana.updateActionFields(first.id, { status: 'done' }, first.version);
    expect(edited).toMatchObject({ id: first.id, status: 'done', subject: 'Primera', version: first.version + 1 });
    expect((await readAll(world.ana, initial.cursor)).ids).toEqual([first.id]);
  });

  it('moves a reassigned action from the old owner to the new one, never in both', async () => {
    const visit = await world.add('Visita', 'ana');
    const anaBefore = await readAll(world.ana, undefined);
    const brunoBefore = await readAll(world.bruno, undefined);
    await world.reassign(visit, 'bruno');
    const anaAfter = await readAll(world.ana, anaBefore.cursor);
    const brunoAfter = await readAll(world.bruno, brunoBefore.cursor);
    expect(anaAfter).toMatchObject({ ids: [], deletedIds: [visit.id] });
    expect(brunoAfter.ids).toEqual([visit.id]);
    expect(brunoAfter.deletedIds).not.toContain(visit.id);
    expect(await world.ana.listActionsInScope()).toEqual([]);
    expect((await world.bruno.listActionsInScope()).map((action) => action.id)).toEqual([visit.id]);
  });

  it("reports a deleted action in its owner's feed", async () => {
    const call = await world.add('Llamada', 'ana');
    const before = await readAll(world.ana, undefined);
    await world.remove(call);
    expect(await readAll(world.ana, before.cursor)).toMatchObject({ ids: [], deletedIds: [call.id] });
  });

  it('refuses a write on a stale version and leaves the action as it was', async () => {
    const call = await world.add('Llamada', 'ana');
    await world.ana.updateActionFields(call.id, { subject: 'Llamada a Ana' }, call.version);
    const error = await world.ana.updateActionFields(call.id, { subject: 'Otra' }, call.version).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ErpError);
    expect(error).toMatchObject({ code: 'conflict' });
    expect((await world.ana.listActionsInScope())[0]).toMatchObject({ subject: 'Llamada a Ana', version: call.version + 1 });
  });

  it("answers a contact's primary email, and nothing for a contact without one or unknown", async () => {
    const customer = await world.addContact('compras@ferreteria-nunez.example');
    const silent = await world.addContact();
    expect(await world.ana.contactEmailOf(customer)).toBe('compras@ferreteria-nunez.example');
    expect(await world.ana.contactEmailOf(silent)).toBeUndefined();
    expect(await world.ana.contactEmailOf('999999')).toBeUndefined();
  });

  it("creates an action owned by the mailbox's user once, however often the create is retried", async () => {
    const input: ActionInput = { type: 'meeting', subject: 'Revisión ERP', start: '2026-03-12T08:00:00Z', end: '2026-03-12T09:00:00Z', allDay: false, timeZone: 'Europe/Madrid', status: 'planned', private: false };
    const created = await world.ana.createAction(input, 'acme:event-1');
    const again = await world.ana.createAction(input, 'acme:event-1');
    expect(again.id).toBe(created.id);
    expect((await world.ana.listActionsInScope()).map((action) => action.id)).toEqual([created.id]);
    expect(await world.bruno.listActionsInScope()).toEqual([]);
    expect((await readAll(world.ana, undefined)).ids).toEqual([created.id]);
  });
});

describe('the ERP action source over the demo ERP', () => {
  it('lists an owner with more actions than one page holds completely', async () => {
    const world = await demoWorld();
    try {
      const created = new Set<string>();
      for (let index = 0; index < 1_005; index++) created.add((await world.add(`Tarea ${index}`, 'ana', { dueDate: '2026-04-01' })).id);
      const listed = (await world.ana.listActionsInScope()).map((action) => action.id);
      expect(listed).toHaveLength(1_005);
      expect(new Set(listed)).toEqual(created);
    } finally {
      await world.close();
    }
  });

  it('refuses to create an action for a mailbox that is no ERP user', async () => {
    const world = await demoWorld();
    try {
      const error = await world.nobody.createAction({ type: 'task', subject: 'x', allDay: false, timeZone: 'UTC', status: 'planned', private: false }, 'acme:x').catch((reason: unknown) => reason);
      expect(error).toMatchObject({ code: 'invalid_input' });
    } finally {
      await world.close();
    }
  });
});

describe('createErpActionSource contact lookups', () => {
  it('reads each contact from the ERP once per source (one source per run)', async () => {
    const { erp, userIds } = await openDemoContractErp(steppingClock());
    const clerk: ErpActor = { email: 'clerk@contoso.example' };
    const reads: string[] = [];
    const counting = new Proxy(erp, {
      get(target, key) {
        if (key === 'getContact') return (id: string) => (reads.push(id), target.getContact(id));
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    try {
      const customer = await erp.createContact({ displayName: 'Compras Núñez', emails: ['compras@ferreteria-nunez.example'] }, clerk);
      const run = createErpActionSource(counting, clerk, { erpUserId: userIds.alice });
      const emails = [await run.contactEmailOf(customer.id), await run.contactEmailOf(customer.id)];
      await createErpActionSource(counting, clerk, { erpUserId: userIds.alice }).contactEmailOf(customer.id);

      expect(emails).toEqual(['compras@ferreteria-nunez.example', 'compras@ferreteria-nunez.example']);
      expect(reads).toEqual([customer.id, customer.id]);
    } finally {
      await erp.close();
    }
  });
});
