import { describe, expect, it } from 'vitest';
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

  it('backs off a mailbox whose last run failed', async () => {
    const world = await worlds.start({ service: { now: () => new Date() } });
    await activateSync(world.store, 'fabrikam');
    const settings = await world.store.settings.get(mailboxes.amelie.user);
    if (!settings) throw new Error('no settings');
    await world.store.settings.put(mailboxes.amelie.user, { ...settings, contactFolderId: 'a-folder-that-does-not-exist' }, new Date().toISOString());

    const [failed] = await world.service.runDueMailboxes();
    const again = await world.service.runDueMailboxes();

    expect((await world.service.waitForRun(failed ?? '')).report.failure).toMatchObject({ code: 'not_found' });
    expect(again).toEqual([]);
  });

  it('passes over the due mailboxes every interval until stopped', async () => {
    const world = await worlds.start();
    await activateSync(world.store, 'fabrikam');
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
