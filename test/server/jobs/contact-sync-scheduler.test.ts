import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContactSyncService } from '../../../server/jobs/contact-sync-service';
import { startContactSyncScheduler } from '../../../server/jobs/start-contact-sync-scheduler';
import { activateSync, mailboxes, useSyncWorlds } from './support/start-sync-world';

const worlds = useSyncWorlds();

describe('the contact sync schedule', () => {
  it('runs the mailboxes of activated environments whose users turned sync on, and no others', async () => {
    const world = await worlds.start();
    await activateSync(world.store, 'contoso');

    const runIds = await world.service.runDueMailboxes();

    expect(runIds).toHaveLength(1);
    expect((await world.service.waitForRun(runIds[0] ?? '')).user).toEqual(mailboxes.lucia.user);
    expect(world.folderContacts('lucia').length).toBeGreaterThan(0);
    expect(world.folderContacts('amelie')).toEqual([]);
  });

  it('skips a mailbox whose sync is off, or whose user never let sync act for them', async () => {
    const world = await worlds.start();
    await activateSync(world.store, 'contoso');
    await activateSync(world.store, 'fabrikam');
    const settings = await world.store.settings.get(mailboxes.amelie.user);
    if (!settings) throw new Error('no settings');
    await world.store.settings.put(mailboxes.amelie.user, { ...settings, contacts: 'off' }, new Date().toISOString());
    await world.store.tokenCache.remove(mailboxes.lucia.user);

    expect(await world.service.runDueMailboxes()).toEqual([]);
  });

  it('backs off a mailbox whose last run failed, and runs it again once the backoff has passed', async () => {
    // The first retry waits a random share of a second: half of it here, on a clock that moves only when told.
    let nowMs = Date.parse('2026-11-02T09:00:00.000Z');
    const world = await worlds.start({ service: { now: () => new Date(nowMs), random: () => 0.5 } });
    await activateSync(world.store, 'fabrikam');
    const settings = await world.store.settings.get(mailboxes.amelie.user);
    if (!settings) throw new Error('no settings');
    await world.store.settings.put(mailboxes.amelie.user, { ...settings, contactFolderId: 'a-folder-that-does-not-exist' }, new Date().toISOString());

    const [failed] = await world.service.runDueMailboxes();
    nowMs += 499;
    const during = await world.service.runDueMailboxes();
    nowMs += 1;
    const after = await world.service.runDueMailboxes();

    expect((await world.service.waitForRun(failed ?? '')).report.failure).toMatchObject({ code: 'not_found' });
    expect(during).toEqual([]);
    expect(after).toHaveLength(1);
  });

  it('says how many mailboxes of the pass going now still wait for their run, one run at a time', async () => {
    const waiting: number[] = [];
    const watched: { service?: ContactSyncService } = {};
    const world = await worlds.start({ service: { maxConcurrentRuns: 1 }, beforeGraphRequest: () => waiting.push(watched.service?.waitingRuns() ?? -1) });
    watched.service = world.service;
    await activateSync(world.store, 'contoso');
    await activateSync(world.store, 'fabrikam');
    expect(world.service.waitingRuns()).toBe(0);
    // Only the pass's requests: setting the mailboxes up sent some too.
    waiting.length = 0;

    const runIds = await world.service.runDueMailboxes();

    expect(runIds).toHaveLength(2);
    expect([...new Set(waiting)]).toEqual([1, 0]);
    expect(world.service.waitingRuns()).toBe(0);
  });

  it('runs each due mailbox once a pass, and a pass after the first finds nothing to change', async () => {
    const world = await worlds.start();
    await activateSync(world.store, 'fabrikam');

    const passes = [await world.service.runDueMailboxes(), await world.service.runDueMailboxes(), await world.service.runDueMailboxes()];

    expect(passes.map((runIds) => runIds.length)).toEqual([1, 1, 1]);
    const runs = await world.store.runs.listForUser(mailboxes.amelie.user, 10);
    expect(runs.map((run) => (run.report as { quiet?: boolean } | undefined)?.quiet)).toEqual([true, true, false]);
  });
});

describe('the in-process schedule', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A service whose passes the test ends by hand, so a pass can be caught in flight. */
  function passesEndedByHand() {
    const started: number[] = [];
    const ends: ((result: string[] | Error) => void)[] = [];
    const service: Pick<ContactSyncService, 'runDueMailboxes'> = {
      runDueMailboxes: () => {
        started.push(Date.now());
        return new Promise<string[]>((resolve, reject) => ends.push((result) => (result instanceof Error ? reject(result) : resolve(result))));
      },
    };
    const endPass = (result: string[] | Error = []) => ends.shift()?.(result);
    return { service, started, endPass };
  }

  it('starts the first pass after the initial delay and each next one an interval after the last ended, never two at once', async () => {
    vi.useFakeTimers({ now: 0 });
    const { service, started, endPass } = passesEndedByHand();
    const scheduler = startContactSyncScheduler(service, { intervalMs: 1_000, initialDelayMs: 100 });

    await vi.advanceTimersByTimeAsync(99);
    const beforeTheDelay = started.length;
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(5_000);
    const whileTheFirstRuns = started.length;
    endPass();
    await vi.advanceTimersByTimeAsync(1_000);
    endPass(new Error('the store is down'));
    await vi.advanceTimersByTimeAsync(1_000);
    const stopping = scheduler.stop();
    endPass();
    await stopping;

    expect(beforeTheDelay).toBe(0);
    expect(whileTheFirstRuns).toBe(1);
    // 100, then 1,000 after the first ended at 5,100; a failed pass does not stop the schedule.
    expect(started).toEqual([100, 6_100, 7_100]);
  });

  it('waits on stop for the pass in flight, and starts none after it', async () => {
    vi.useFakeTimers({ now: 0 });
    const { service, started, endPass } = passesEndedByHand();
    const scheduler = startContactSyncScheduler(service, { intervalMs: 1_000, initialDelayMs: 0 });
    await vi.advanceTimersByTimeAsync(0);

    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    const stoppedWithAPassInFlight = stopped;
    endPass();
    await stopping;
    await vi.advanceTimersByTimeAsync(60_000);

    expect(stoppedWithAPassInFlight).toBe(false);
    expect(started).toEqual([0]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
