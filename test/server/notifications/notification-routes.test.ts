import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErpPort } from '../../../src/domain/erp-port';
import type { ErpAction, ErpUser } from '../../../src/domain/erp-records';
import { defaultSyncSettings } from '../../../src/domain/sync-settings';
import { createApp } from '../../../server/app';
import { parseConfig } from '../../../server/config/load-config';
import { ApiError } from '../../../server/http/api-error';
import type { ContactSyncPort } from '../../../server/http/contact-sync-port';
import { createErpChangeHook } from '../../../server/notifications/create-erp-change-hook';
import { createNotificationProcessor } from '../../../server/notifications/create-notification-processor';
import { hashClientState } from '../../../server/notifications/hash-client-state';
import { receiveGraphNotifications } from '../../../server/notifications/receive-graph-notifications';
import { openStore } from '../../../server/store/open-store';
import type { Store, UserKey } from '../../../server/store/store';

const tenantId = '7c1f4e2a-3b5d-4c6e-9f80-a1b2c3d4e5f6';
const ana: UserKey = { tenantId, objectId: '11111111-1111-4111-8111-111111111111' };
const ben: UserKey = { tenantId, objectId: '22222222-2222-4222-8222-222222222222' };
const secret = 'the-subscription-secret';
const subscriptionId = 'sub-ana-contacts';
const erpSecrets = new Map([['contoso', 'contoso-erp-secret'], ['fabrikam', 'fabrikam-erp-secret']]);
const config = parseConfig({
  environments: ['contoso', 'fabrikam'].map((environment, index) => ({
    environment, tenantId, applicationId: `b7e1c0de-4a2f-4c3b-9d1e-5f6a7b8c9d0${index}`, erp: { adapter: 'demo' },
  })),
});

/** The ERP as the hook asks it whose an action is, by hand: `failing` makes it unreachable. */
class FakeErp implements Pick<ErpPort, 'getAction' | 'getUser'> {
  readonly actions = new Map<string, Pick<ErpAction, 'id' | 'ownerId'>>();
  readonly users = new Map<string, Pick<ErpUser, 'id' | 'email'>>();
  failing = false;
  async getAction(id: string) {
    if (this.failing) throw new Error('ERP unreachable');
    return this.actions.get(id) as ErpAction | undefined;
  }
  async getUser(id: string) {
    if (this.failing) throw new Error('ERP unreachable');
    return this.users.get(id) as ErpUser | undefined;
  }
}

/** The sync's run port, by hand: a run is recorded in the store when started, and stays going until `finish`. */
class FakeRuns implements Pick<ContactSyncPort, 'runNow'> {
  readonly started: string[] = [];
  private going: string | undefined;
  constructor(private readonly store: Store, private readonly now: () => Date) {}
  async runNow(environment: string, user: UserKey) {
    if (this.going) return { runId: this.going };
    const runId = randomUUID();
    await this.store.runs.create({ id: runId, user, kind: 'contacts', status: 'running', stage: 'listing-erp', done: 0, total: 0, startedAt: this.now().toISOString() });
    this.started.push(`${environment}/${user.objectId}`);
    this.going = runId;
    return { runId };
  }
  finish() {
    this.going = undefined;
  }
}

let store: Store;
let clock: number;
let runs: FakeRuns;
let queued: { environment: string; users: readonly UserKey[] }[];
let erp: FakeErp;
const now = () => new Date(clock);
const logger = pino({ level: 'silent' });

beforeEach(async () => {
  clock = Date.parse('2026-12-01T09:00:00.000Z');
  store = await openStore('sqlite::memory:');
  for (const user of [ana, ben]) {
    await store.users.upsert({ ...user, environment: 'contoso', email: `${user.objectId}@contoso.example`, displayName: 'User' }, now().toISOString());
    await store.settings.put(user, { ...defaultSyncSettings, enabled: true, contactFolderId: `folder-${user.objectId}` }, now().toISOString());
  }
  await store.activations.put({ environment: 'contoso', syncActivated: true, applicationId: 'app', changedBy: 'admin', changedAt: now().toISOString() });
  await store.links.upsert({ user: ana, entity: 'contact', erpId: 'C-1', outlookId: 'outlook-1', state: 'active', snapshot: {}, missedListings: 0, updatedAt: now().toISOString() });
  await store.graphSubscriptions.reserve(
    { user: ana, environment: 'contoso', collection: 'contacts', resource: '/users/x/contactFolders/y/contacts', clientStateHash: hashClientState(secret), expiresAt: '2026-12-08T09:00:00.000Z', updatedAt: now().toISOString() },
    now().toISOString(),
  );
  await store.graphSubscriptions.update(ana, 'contacts', { subscriptionId, state: 'active' });
  runs = new FakeRuns(store, now);
  queued = [];
  erp = new FakeErp();
});
afterEach(async () => {
  await store.close();
});

const app = () =>
  createApp({
    environments: new Map(), store, logger, now,
    authenticate: () => Promise.reject(new ApiError('auth_required', 401, 'no users here')),
    graphNotifications: { receive: (body) => receiveGraphNotifications(body, { store, logger, now }) },
    erpChanges: createErpChangeHook({
      store, environments: new Map(config.environments.map((environment) => [environment.environment, { config: environment, erp }])), secrets: erpSecrets,
      queueRuns: async (environment, users) => {
        queued.push({ environment, users });
      },
    }),
  });
const processor = () => createNotificationProcessor({ store, runs, subscriptions: { maintainMailbox: async () => undefined }, logger, now, retryMs: 1_000 });

const change = (overrides: Record<string, unknown> = {}) => ({
  subscriptionId, clientState: secret, tenantId, changeType: 'updated', resource: `Users/${ana.objectId}/Contacts/outlook-1`,
  resourceData: { '@odata.type': '#Microsoft.Graph.Contact', '@odata.etag': `W/"${randomUUID()}"`, id: 'outlook-1' }, ...overrides,
});
const post = (body: unknown, query = '', headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app().request(`/api/notifications/graph${query}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const pending = async () => store.graphNotifications.claim(now().toISOString(), now().toISOString(), 10_000);

describe('the notification route', () => {
  it('echoes Graph’s validation token, decoded, as text/plain', async () => {
    const token = 'Validation: Testing client application reachability for subscription Request-Id: 3b3f9821-ce3f-23d9-879b-00a23f3';
    const answer = await post('', `?validationToken=${encodeURIComponent(token)}`, { 'content-type': 'text/plain; charset=utf-8' });

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await answer.text()).toBe(token);
  });

  it('stores a genuine notification, answers 202, and a run follows', async () => {
    const answer = await post({ value: [change()] });
    const outcome = await processor().processPending();

    expect(answer.status).toBe(202);
    expect(outcome).toEqual({ covered: 1, waiting: 0 });
    expect(runs.started).toEqual([`contoso/${ana.objectId}`]);
  });

  it.each([
    ['a wrong clientState', () => post({ value: [change({ clientState: 'guessed' })] }), 202],
    ['no clientState', () => post({ value: [change({ clientState: undefined })] }), 202],
    ['an unknown subscription', () => post({ value: [change({ subscriptionId: 'someone-else' })] }), 202],
    ['another tenant', () => post({ value: [change({ tenantId: '2d8e6b4c-1a3f-4e5d-8c7b-0f9e8d7c6b5a' })] }), 202],
    ['a body that is no JSON', () => post('{"value": [', ''), 400],
    ['a body of another shape', () => post({ value: [{ subscriptionId, clientState: secret }] }), 400],
    ['an empty collection', () => post({ value: [] }), 400],
    ['a body over 1 MB', () => post({ value: [change({ resource: 'x'.repeat(1024 * 1024) })] }), 413],
    ['a validation token with markup', () => post('', `?validationToken=${encodeURIComponent('<script>alert(1)</script>')}`, { 'content-type': 'text/plain' }), 400],
    ['a validation token on a POST with notifications', () => post({ value: [change()] }, '?validationToken=Validation%3A%20x'), 400],
    ['a validation token of 2,000 characters', () => post('', `?validationToken=${'a'.repeat(2_000)}`, { 'content-type': 'text/plain' }), 400],
    ['an empty validation token', () => post('', '?validationToken=', { 'content-type': 'text/plain' }), 400],
  ])('drops %s: no run, nothing stored, never 5xx', async (_, send, status) => {
    const answer = await send();
    const text = await answer.text();
    const outcome = await processor().processPending();

    expect(answer.status).toBe(status);
    expect(text).not.toContain('<script>');
    expect(text).not.toContain(secret);
    expect(outcome).toEqual({ covered: 0, waiting: 0 });
    expect(runs.started).toEqual([]);
  });

  it('reports the notification lag: from its arrival to the end of the run that applied it', async () => {
    const lags: number[] = [];
    const observing = createNotificationProcessor({ store, runs, subscriptions: { maintainMailbox: async () => undefined }, logger, now, observeLag: (seconds) => lags.push(seconds) });
    await post({ value: [change()] });
    clock += 400;
    await observing.processPending();
    const [run] = await store.runs.listForUser(ana, 1);
    await store.runs.update(ana, run?.id ?? '', { status: 'succeeded', finishedAt: new Date(clock + 1_600).toISOString() });
    await observing.processPending();
    await observing.processPending();

    expect(lags).toEqual([2]);
  });

  it('stores a replayed notification once: it causes no second run', async () => {
    const notification = change();
    await post({ value: [notification] });
    await processor().processPending();
    runs.finish();
    const replay = await post({ value: [notification] });
    await processor().processPending();

    expect(replay.status).toBe(202);
    expect(runs.started).toHaveLength(1);
  });

  it('turns a burst of 100 notifications into one run', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => post({ value: [change()] })));
    const outcome = await processor().processPending();

    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 100 }, () => 202));
    expect(outcome).toEqual({ covered: 1, waiting: 0 });
    expect(runs.started).toHaveLength(1);
    expect(await pending()).toEqual([]);
  });

  it('gives notifications that arrive during a run one run after it, however many they are', async () => {
    await post({ value: [change()] });
    await processor().processPending();
    clock += 1_000;
    await Promise.all(Array.from({ length: 100 }, () => post({ value: [change()] })));

    expect(await processor().processPending()).toEqual({ covered: 0, waiting: 1 });
    clock += 1_500;
    expect(await processor().processPending()).toEqual({ covered: 0, waiting: 1 });
    runs.finish();
    clock += 1_500;
    expect(await processor().processPending()).toEqual({ covered: 1, waiting: 0 });
    expect(runs.started).toHaveLength(2);
    expect(await pending()).toEqual([]);
  });
});

describe('the ERP change hook', () => {
  const postChanges = (body: unknown, secretHeader?: string) =>
    app().request('/api/erp/changes', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secretHeader === undefined ? {} : { 'x-erp-change-secret': secretHeader }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('queues a run of the mailbox holding the named contact only', async () => {
    const answer = await postChanges({ environment: 'contoso', contacts: ['C-1'] }, 'contoso-erp-secret');

    expect(answer.status).toBe(202);
    expect(await answer.json()).toEqual({ mailboxes: 1 });
    expect(queued).toEqual([{ environment: 'contoso', users: [ana] }]);
  });

  it('queues every mailbox syncing contacts for a contact nobody holds yet, or for a change naming nothing', async () => {
    await postChanges({ environment: 'contoso', contacts: ['C-new'] }, 'contoso-erp-secret');
    await postChanges({ environment: 'contoso' }, 'contoso-erp-secret');

    expect(queued.map(({ users }) => users.map((user) => user.objectId).sort())).toEqual([[ana.objectId, ben.objectId], [ana.objectId, ben.objectId]]);
  });

  describe('naming actions', () => {
    const actionsOn = async (...users: UserKey[]) => {
      for (const user of users) await store.settings.put(user, { ...defaultSyncSettings, enabled: true, contactFolderId: `folder-${user.objectId}`, actionsEnabled: true }, now().toISOString());
    };
    const holds = (user: UserKey, entity: 'event' | 'task', erpId: string) =>
      store.links.upsert({ user, entity, erpId, outlookId: `outlook-${erpId}`, state: 'active', snapshot: {}, missedListings: 0, updatedAt: now().toISOString() });
    beforeEach(() => {
      erp.users.set('7', { id: '7', email: `${ana.objectId}@contoso.example` });
      erp.users.set('8', { id: '8', email: `${ben.objectId.toUpperCase()}@CONTOSO.EXAMPLE` });
    });

    it("queues the owner's mailbox only, found by the owner's email as a run maps it", async () => {
      await actionsOn(ana, ben);
      erp.actions.set('A-1', { id: 'A-1', ownerId: '8' });

      const answer = await postChanges({ environment: 'contoso', actions: ['A-1'] }, 'contoso-erp-secret');

      expect(answer.status).toBe(202);
      expect(await answer.json()).toEqual({ mailboxes: 1 });
      expect(queued).toEqual([{ environment: 'contoso', users: [ben] }]);
    });

    it('queues the former owner holding it as an event or a task too, after a reassignment, and follows an admin’s override', async () => {
      await actionsOn(ana, ben);
      await store.users.setErpUserOverride(ben, '9');
      erp.actions.set('A-2', { id: 'A-2', ownerId: '9' });
      await holds(ana, 'task', 'A-2');

      await postChanges({ environment: 'contoso', actions: ['A-2'] }, 'contoso-erp-secret');

      expect(queued.map(({ users }) => users.map((user) => user.objectId).sort())).toEqual([[ana.objectId, ben.objectId].sort()]);
    });

    it('queues no one for an action the ERP no longer has and nobody holds, and its holder when one does', async () => {
      await actionsOn(ana, ben);
      await holds(ben, 'event', 'A-held');

      const gone = await postChanges({ environment: 'contoso', actions: ['A-gone'] }, 'contoso-erp-secret');
      await postChanges({ environment: 'contoso', actions: ['A-held'] }, 'contoso-erp-secret');

      expect(await gone.json()).toEqual({ mailboxes: 0 });
      expect(queued).toEqual([{ environment: 'contoso', users: [] }, { environment: 'contoso', users: [ben] }]);
    });

    it('queues every mailbox syncing actions when the ERP cannot say whose the action is, and none with actions off', async () => {
      await actionsOn(ben);
      erp.failing = true;

      await postChanges({ environment: 'contoso', actions: ['A-1'] }, 'contoso-erp-secret');

      expect(queued).toEqual([{ environment: 'contoso', users: [ben] }]);
    });

    it('queues the mailboxes of contacts and actions named together once each', async () => {
      await actionsOn(ana, ben);
      erp.actions.set('A-1', { id: 'A-1', ownerId: '7' });

      await postChanges({ environment: 'contoso', contacts: ['C-1'], actions: ['A-1'] }, 'contoso-erp-secret');

      expect(queued).toEqual([{ environment: 'contoso', users: [ana] }]);
    });
  });

  it.each([
    ['a wrong secret naming actions', () => postChanges({ environment: 'contoso', actions: ['A-1'] }, 'guessed'), 401],
    ['an action id with markup', () => postChanges({ environment: 'contoso', actions: ['<b>A-1</b>'] }, 'contoso-erp-secret'), 400],
    ['a wrong secret', () => postChanges({ environment: 'contoso' }, 'guessed'), 401],
    ['another environment’s secret', () => postChanges({ environment: 'contoso' }, 'fabrikam-erp-secret'), 401],
    ['no secret', () => postChanges({ environment: 'contoso' }), 401],
    ['an unknown environment', () => postChanges({ environment: 'nowhere' }, 'contoso-erp-secret'), 401],
    ['a malformed body', () => postChanges('{"environment": ', 'contoso-erp-secret'), 400],
    ['an id with markup', () => postChanges({ environment: 'contoso', contacts: ['<b>C-1</b>'] }, 'contoso-erp-secret'), 400],
    ['a huge body', () => postChanges({ environment: 'contoso', contacts: Array.from({ length: 200_000 }, () => 'C-1234567890') }, 'contoso-erp-secret'), 413],
  ])('refuses %s: nothing queued, never 5xx', async (_, send, status) => {
    const answer = await send();
    expect(answer.status).toBe(status);
    expect(queued).toEqual([]);
  });
});
