import pg from 'pg';
import PgBoss from 'pg-boss';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ActionCollectionRun } from '../../../server/jobs/action-collection-run';
import type { ContactSyncService } from '../../../server/jobs/contact-sync-service';
import { mailboxKey } from '../../../server/jobs/mailbox-key';
import { startPgBossContactSync, type PgBossContactSync } from '../../../server/jobs/start-pg-boss-contact-sync';
import { createNotificationProcessor } from '../../../server/notifications/create-notification-processor';
import { hashClientState } from '../../../server/notifications/hash-client-state';
import { receiveGraphNotifications } from '../../../server/notifications/receive-graph-notifications';
import type { RunRecord, Store } from '../../../server/store/store';
import { createTestDatabase } from '../../support/postgres-database';
import { activateSync, duplicatedTags, mailboxes, startSharedMicrosoft365, startSyncWorld, type MailboxName, type SharedMicrosoft365, type SyncWorld, type SyncWorldOptions } from './support/start-sync-world';

let shared: SharedMicrosoft365;
let world: SyncWorld | undefined;
let engines: PgBossContactSync[] = [];
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  shared = await startSharedMicrosoft365();
});
afterAll(() => shared.close());
afterEach(async () => {
  await Promise.all(engines.map((engine) => engine.stop()));
  engines = [];
  await world?.close();
  world = undefined;
  await dropDatabase?.();
  dropDatabase = undefined;
});

/** A world whose store is a fresh PostgreSQL database, with both environments activated. */
async function startWorld(options: Omit<SyncWorldOptions, 'storeUrl'> = {}): Promise<{ sync: SyncWorld; url: string }> {
  const database = await createTestDatabase();
  dropDatabase = database.drop;
  const sync = await startSyncWorld(shared, { ...options, storeUrl: database.url });
  world = sync;
  for (const environment of ['contoso', 'fabrikam']) await activateSync(sync.store, environment);
  return { sync, url: database.url };
}

/** Which bridge carried out which run, and how many runs of a mailbox were going at once at most. */
function createRunProbe() {
  const going = new Map<string, number>();
  const carriedOut: { bridge: string; runId: string }[] = [];
  let mostAtOnce = 0;
  const watch = (bridge: string, service: ContactSyncService): ContactSyncService => ({
    ...service,
    async runNow(environment, user, options) {
      const key = mailboxKey(user);
      const leave = () => going.set(key, (going.get(key) ?? 1) - 1);
      going.set(key, (going.get(key) ?? 0) + 1);
      mostAtOnce = Math.max(mostAtOnce, going.get(key) ?? 0);
      try {
        const started = await service.runNow(environment, user, options);
        carriedOut.push({ bridge, runId: started.runId });
        void service.waitForRun(started.runId).then(leave, leave);
        return started;
      } catch (error) {
        leave();
        throw error;
      }
    },
  });
  return { watch, carriedOut, mostAtOnce: () => mostAtOnce, going: () => [...going.values()].reduce((sum, count) => sum + count, 0) };
}

async function startEngine(service: ContactSyncService, store: Store, url: string, maxConcurrentRuns: number, lease: { runLeaseSeconds?: number } = {}): Promise<PgBossContactSync> {
  const engine = await startPgBossContactSync(service, {
    connectionString: url, store, logger: pino({ level: 'silent' }), intervalMinutes: 0, maxConcurrentRuns, runExpiryMinutes: 240, pollingIntervalSeconds: 0.5, ...lease,
  });
  engines.push(engine);
  return engine;
}

/** Reads the queue with a pg-boss of its own that starts no worker and no maintenance. */
async function readQueue<T>(url: string, read: (boss: PgBoss) => Promise<T>): Promise<T> {
  const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false });
  // The test database is dropped with FORCE after the test: a connection of this stopped reader
  // that the drop ends is not a failure; one while it reads is.
  const failures: unknown[] = [];
  let stopped = false;
  boss.on('error', (error) => {
    if (!stopped) failures.push(error);
  });
  await boss.start();
  try {
    return await read(boss);
  } finally {
    await boss.stop({ graceful: false });
    stopped = true;
    expect(failures).toEqual([]);
  }
}

/** When pg-boss's maintenance (which expires jobs) last started. */
async function maintainedOn(url: string): Promise<Date> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ maintained_on: Date | null }>('SELECT maintained_on FROM pgboss.version');
    return rows[0]?.maintained_on ?? new Date(0);
  } finally {
    await client.end();
  }
}

async function contactRuns(store: Store, name: MailboxName): Promise<RunRecord[]> {
  return (await store.runs.listForUser(mailboxes[name].user, 50)).filter((run) => run.kind === 'contacts');
}

/** Waits until every contact run of both mailboxes has ended, and returns them. */
async function settledRuns(store: Store): Promise<RunRecord[]> {
  return vi.waitFor(
    async () => {
      const runs = [...(await contactRuns(store, 'lucia')), ...(await contactRuns(store, 'amelie'))];
      if (runs.some((run) => run.status === 'queued' || run.status === 'running')) throw new Error('runs still going');
      return runs;
    },
    { timeout: 25_000, interval: 100 },
  );
}

async function expectSynced(sync: SyncWorld, name: MailboxName) {
  const folder = sync.folderContacts(name);
  expect(duplicatedTags(folder)).toEqual([]);
  expect(new Set(folder.map((contact) => contact.tag))).toEqual(new Set((await sync.projection(name)).keys()));
}

describe('the pg-boss jobs engine', () => {
  it('lets two bridges sharing one database sync every due mailbox, never one mailbox twice at once', async () => {
    const { sync, url } = await startWorld();
    const other = await sync.addBridge();
    const probe = createRunProbe();
    const [first, second] = await Promise.all([
      startEngine(probe.watch('first', sync.service), sync.store, url, 2),
      startEngine(probe.watch('second', other.service), other.store, url, 2),
    ]);

    // Both schedules pass and both users press "sync now" on both bridges, all at once.
    const asked = await Promise.all([
      first.queueDueMailboxes(), second.queueDueMailboxes(),
      ...(['lucia', 'amelie'] as const).flatMap((name) => [first, second].map((engine) => engine.runNow(mailboxes[name].environment, mailboxes[name].user, {}))),
    ]);
    const runs = await settledRuns(sync.store);

    expect(probe.mostAtOnce()).toBe(1);
    expect(runs.map((run) => run.status)).toEqual(runs.map(() => 'succeeded'));
    const byId = new Map(runs.map((run) => [run.id, run]));
    for (const runId of asked.flatMap((answer) => (Array.isArray(answer) ? answer : [answer.runId]))) expect(byId.has(runId)).toBe(true);
    expect(new Set(runs.map((run) => mailboxKey(run.user)))).toEqual(new Set([mailboxKey(mailboxes.lucia.user), mailboxKey(mailboxes.amelie.user)]));
    await expectSynced(sync, 'lucia');
    await expectSynced(sync, 'amelie');
  });

  it('carries out the run of a mailbox that syncs only its actions, through the action collections', async () => {
    const called: string[] = [];
    const events: ActionCollectionRun = async (input) => {
      called.push(input.user.objectId);
      const at = input.now().toISOString();
      return { outcome: 'succeeded', quiet: true, applied: { outlookCreated: 0, outlookUpdated: 0, outlookRemoved: 0, erpCreated: 0, erpUpdated: 0 }, failedOperations: 0, startedAt: at, finishedAt: at };
    };
    const { sync, url } = await startWorld({ service: { actionCollections: { events } } });
    const saved = await sync.store.settings.get(mailboxes.lucia.user);
    if (!saved) throw new Error('the world saved no settings');
    await sync.store.settings.put(mailboxes.lucia.user, { ...saved, contacts: 'off', actionsEnabled: true, events: 'two-way' }, new Date().toISOString());
    const engine = await startEngine(sync.service, sync.store, url, 1);

    await engine.queueDueMailboxes();
    const runs = await settledRuns(sync.store);

    expect(called).toEqual([mailboxes.lucia.user.objectId]);
    const lucias = runs.filter((run) => mailboxKey(run.user) === mailboxKey(mailboxes.lucia.user));
    expect(lucias).toMatchObject([{ status: 'succeeded', report: { contactsSynced: false, collections: { events: { outcome: 'succeeded' } } } }]);
    expect(sync.folderContacts('lucia')).toEqual([]);
  });

  it('queues one run per due mailbox, answers "sync now" with it while it waits, and records it queued', async () => {
    const { sync, url } = await startWorld();
    // A bridge with no worker only queues.
    const queueing = await startEngine(sync.service, sync.store, url, 0);

    const passed = await queueing.queueDueMailboxes();
    const again = await queueing.queueDueMailboxes();
    const syncNow = await queueing.runNow(mailboxes.lucia.environment, mailboxes.lucia.user, {});

    expect(passed).toHaveLength(2);
    expect(again).toEqual(passed);
    expect(passed).toContain(syncNow.runId);
    expect(await queueing.queueDepth()).toBe(2);
    expect(await sync.store.runs.get(mailboxes.lucia.user, syncNow.runId)).toMatchObject({ status: 'queued', stage: 'queued', done: 0, total: 0 });
    expect(sync.folderContacts('lucia')).toEqual([]);
  });

  it('hands a stopped bridge’s queued runs to the other, once the runs it had started have finished', async () => {
    const { sync, url } = await startWorld();
    const probe = createRunProbe();
    const stopping = await startEngine(probe.watch('stopping', sync.service), sync.store, url, 1);
    await stopping.runNow(mailboxes.lucia.environment, mailboxes.lucia.user, {});
    await stopping.runNow(mailboxes.amelie.environment, mailboxes.amelie.user, {});

    await stopping.stop();
    expect(probe.going()).toBe(0);
    const other = await sync.addBridge();
    await startEngine(probe.watch('other', other.service), other.store, url, 1);
    const runs = await settledRuns(sync.store);

    expect(runs.map((run) => run.status)).toEqual(['succeeded', 'succeeded']);
    expect(probe.carriedOut.filter((run) => run.bridge === 'stopping').length).toBeLessThanOrEqual(1);
    expect(probe.carriedOut.filter((run) => run.bridge === 'other').length).toBeGreaterThanOrEqual(1);
    await expectSynced(sync, 'lucia');
    await expectSynced(sync, 'amelie');
  });

  it('records a queued run as failed when its mailbox turned sync off before a worker took it', async () => {
    const { sync, url } = await startWorld();
    const queueing = await startEngine(sync.service, sync.store, url, 0);
    const { runId } = await queueing.runNow(mailboxes.amelie.environment, mailboxes.amelie.user, {});
    const settings = await sync.store.settings.get(mailboxes.amelie.user);
    if (!settings) throw new Error('no settings');
    await sync.store.settings.put(mailboxes.amelie.user, { ...settings, contacts: 'off' }, new Date().toISOString());

    await startEngine(sync.service, sync.store, url, 1);
    await settledRuns(sync.store);

    expect(await sync.store.runs.get(mailboxes.amelie.user, runId)).toMatchObject({ status: 'failed', report: { failure: { code: 'invalid_input' } } });
    expect(sync.folderContacts('amelie')).toEqual([]);
  });

  it('gives a run job the configured lease as its expiry, and a pass two leases (at least a minute); a later start with another lease applies them', async () => {
    const { sync, url } = await startWorld();
    await (await startEngine(sync.service, sync.store, url, 1, { runLeaseSeconds: 30 })).stop();
    expect(await readQueue(url, (boss) => boss.getQueue('contact-sync-run'))).toMatchObject({ expireInSeconds: 30, policy: 'singleton' });
    await startEngine(sync.service, sync.store, url, 1, { runLeaseSeconds: 60 });
    expect(await readQueue(url, (boss) => boss.getQueue('contact-sync-run'))).toMatchObject({ expireInSeconds: 60 });
    // A pass whose bridge died holds the next ones back only until it expires.
    expect(await readQueue(url, (boss) => boss.getQueue('contact-sync-pass'))).toMatchObject({ expireInSeconds: 120, policy: 'stately' });
  });

  it('takes over, under the same run id, the run of a bridge that took the job and stopped renewing it', async () => {
    const { sync, url } = await startWorld();
    const queueing = await startEngine(sync.service, sync.store, url, 0, { runLeaseSeconds: 3 });
    const { runId } = await queueing.runNow(mailboxes.lucia.environment, mailboxes.lucia.user, {});
    // A bridge takes the job and dies before its first renewal: nothing of it remains but the active job.
    const taken = await readQueue(url, (boss) => boss.fetch('contact-sync-run'));
    expect(taken.map((job) => job.id)).toEqual([runId]);

    const probe = createRunProbe();
    await startEngine(probe.watch('survivor', sync.service), sync.store, url, 1, { runLeaseSeconds: 3 });
    const [run] = await settledRuns(sync.store);

    expect(run).toMatchObject({ id: runId, status: 'succeeded' });
    expect(probe.carriedOut).toEqual([{ bridge: 'survivor', runId }]);
    expect(await readQueue(url, (boss) => boss.getJobById('contact-sync-run', runId))).toMatchObject({ state: 'completed', retryCount: 1 });
    await expectSynced(sync, 'lucia');
  });

  it('never takes over a run that outlasts its lease while its bridge renews it', async () => {
    const { sync, url } = await startWorld();
    const { admin } = shared.m365.graph;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = 0;
    admin.interceptRequests(async (_request, serve) => {
      holding += 1;
      await held;
      await serve();
    });
    try {
      const probe = createRunProbe();
      const first = await startEngine(probe.watch('first', sync.service), sync.store, url, 1, { runLeaseSeconds: 3 });
      const other = await sync.addBridge();
      await startEngine(probe.watch('second', other.service), other.store, url, 1, { runLeaseSeconds: 3 });
      const { runId } = await first.runNow(mailboxes.lucia.environment, mailboxes.lucia.user, {});
      await vi.waitFor(() => expect(holding).toBeGreaterThan(0), { timeout: 15_000, interval: 20 });
      // Maintenance runs (it expires jobs) twice after the job's first lease would have run out.
      const startedOn = (await readQueue(url, (boss) => boss.getJobById('contact-sync-run', runId)))?.startedOn;
      if (!startedOn) throw new Error('the run job has not started');
      const maintainedAfter = async (after: Date) =>
        vi.waitFor(async () => {
          const maintained = await maintainedOn(url);
          expect(maintained.getTime()).toBeGreaterThan(after.getTime());
          return maintained;
        }, { timeout: 20_000, interval: 100 });
      await maintainedAfter(await maintainedAfter(new Date(startedOn.getTime() + 3_000)));
      release();
      const runs = await settledRuns(sync.store);

      expect(runs).toEqual([expect.objectContaining({ id: runId, status: 'succeeded' })]);
      expect(probe.mostAtOnce()).toBe(1);
      expect(probe.carriedOut).toEqual([{ bridge: 'first', runId }]);
      expect(await readQueue(url, (boss) => boss.getJobById('contact-sync-run', runId))).toMatchObject({ state: 'completed', retryCount: 0 });
      await expectSynced(sync, 'lucia');
    } finally {
      release();
      admin.interceptRequests(undefined);
    }
  });

  it('turns notifications one bridge stored into one queued run, however many bridges process the inbox at once', async () => {
    const { sync, url } = await startWorld();
    const other = await sync.addBridge();
    const [first, second] = await Promise.all([startEngine(sync.service, sync.store, url, 1), startEngine(other.service, other.store, url, 1)]);
    const { user, environment } = mailboxes.lucia;
    await sync.store.graphSubscriptions.reserve(
      { user, environment, collection: 'contacts', resource: '/users/lucia/contactFolders/erp/contacts', clientStateHash: hashClientState('lucia-secret'), expiresAt: new Date(Date.now() + 86_400_000).toISOString(), updatedAt: new Date().toISOString() },
      new Date().toISOString(),
    );
    await sync.store.graphSubscriptions.update(user, 'contacts', { subscriptionId: 'lucia-contacts', state: 'active' });
    const logger = pino({ level: 'silent' });
    const value = Array.from({ length: 50 }, (_, index) => ({ subscriptionId: 'lucia-contacts', clientState: 'lucia-secret', changeType: 'updated' as const, resource: `Users/lucia/Contacts/${index}` }));
    await receiveGraphNotifications({ value }, { store: sync.store, logger });

    const processorOf = (store: Store, engine: PgBossContactSync) => createNotificationProcessor({ store, runs: engine, subscriptions: { maintainMailbox: async () => undefined }, logger });
    const outcomes = await Promise.all([processorOf(sync.store, first).processPending(), processorOf(other.store, second).processPending()]);

    expect(outcomes.reduce((sum, outcome) => sum + outcome.covered, 0)).toBe(1);
    const runs = await settledRuns(sync.store);
    expect(runs.filter((run) => run.user.objectId === user.objectId)).toEqual([expect.objectContaining({ status: 'succeeded' })]);
  });
});
