import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startContactSyncScheduler } from '../../../server/jobs/start-contact-sync-scheduler';
import { mailboxes, startSharedMicrosoft365, startSyncWorld, type SharedMicrosoft365, type SyncWorld } from './support/start-sync-world';

let shared: SharedMicrosoft365;
let world: SyncWorld | undefined;

beforeAll(async () => {
  shared = await startSharedMicrosoft365();
});
afterAll(() => shared.close());
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function activate(sync: SyncWorld, environment: string) {
  await sync.store.activations.put({ environment, syncActivated: true, applicationId: 'app', changedBy: 'admin@example.test', changedAt: new Date().toISOString() });
}

describe('the contact sync schedule', () => {
  it('runs the mailboxes of activated environments whose users turned sync on, and no others', async () => {
    world = await startSyncWorld(shared);
    await activate(world, 'contoso');

    const runIds = await world.service.runDueMailboxes();

    expect(runIds).toHaveLength(1);
    expect((await world.service.waitForRun(runIds[0] ?? '')).user).toEqual(mailboxes.lucia.user);
    expect(world.folderContacts('lucia').length).toBeGreaterThan(0);
    expect(world.folderContacts('amelie')).toEqual([]);
  });

  it('skips a mailbox whose sync is off, or whose user never let sync act for them', async () => {
    world = await startSyncWorld(shared);
    await activate(world, 'contoso');
    await activate(world, 'fabrikam');
    const settings = await world.store.settings.get(mailboxes.amelie.user);
    if (!settings) throw new Error('no settings');
    await world.store.settings.put(mailboxes.amelie.user, { ...settings, contacts: 'off' }, new Date().toISOString());
    await world.store.tokenCache.remove(mailboxes.lucia.user);

    expect(await world.service.runDueMailboxes()).toEqual([]);
  });

  it('backs off a mailbox whose last run failed', async () => {
    world = await startSyncWorld(shared, { service: { now: () => new Date() } });
    await activate(world, 'fabrikam');
    const settings = await world.store.settings.get(mailboxes.amelie.user);
    if (!settings) throw new Error('no settings');
    await world.store.settings.put(mailboxes.amelie.user, { ...settings, contactFolderId: 'a-folder-that-does-not-exist' }, new Date().toISOString());

    const [failed] = await world.service.runDueMailboxes();
    const again = await world.service.runDueMailboxes();

    expect((await world.service.waitForRun(failed ?? '')).report.failure).toMatchObject({ code: 'not_found' });
    expect(again).toEqual([]);
  });

  it('passes over the due mailboxes every interval until stopped', async () => {
    world = await startSyncWorld(shared);
    await activate(world, 'fabrikam');
    const passes: string[][] = [];
    const service = world.service;
    const scheduler = startContactSyncScheduler(
      { runDueMailboxes: async () => { const ids = await service.runDueMailboxes(); passes.push(ids); return ids; } },
      { intervalMs: 20, initialDelayMs: 0 },
    );

    await expect.poll(() => passes.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    await scheduler.stop();
    const stoppedAt = passes.length;
    await new Promise((resolve) => setTimeout(resolve, 60));

    expect(passes.length).toBe(stoppedAt);
    expect(passes.flat()).toHaveLength(passes.length);
    const runs = await world.store.runs.listForUser(mailboxes.amelie.user, 10);
    expect(runs.slice(0, -1).every((run) => (run.report as { quiet?: boolean } | undefined)?.quiet)).toBe(true);
  });
});
