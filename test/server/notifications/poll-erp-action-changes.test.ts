import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { benchErpUserId, benchUser } from '../../../bench/start-contact-bench';
import { startLatencyBridge, type LatencyBridge } from '../../../bench/start-latency-bridge';
import { pollErpChanges } from '../../../server/notifications/poll-erp-changes';
import type { UserKey } from '../../../server/store/store';

/** An ERP that cannot call out, with Amélie's actions synced: the bridge reads its feeds every 0.3 s, with no schedule and no Graph notifications. */
let bridge: LatencyBridge;
const clerk = { erpUserId: benchErpUserId, email: 'amelie.dubois@fabrikamfrance.onmicrosoft.com' };
const waitLong = { timeout: 15_000, interval: 50 };
const mailbox = () => bridge.m365.graph.admin.readMailbox(benchUser.objectId);
const runsGoing = async () => (await bridge.store.runs.listForUser(benchUser, 100)).some((run) => run.status === 'running' || run.status === 'queued');

async function pollOnce(): Promise<UserKey[]> {
  const queued: UserKey[] = [];
  await pollErpChanges({ store: bridge.store, environments: bridge.environments, logger: pino({ level: 'silent' }), queueRuns: async (_, users) => void queued.push(...users) });
  return queued;
}

beforeAll(async () => {
  bridge = await startLatencyBridge({ contacts: 5, notifications: false, actions: true, erpPollEveryMs: 300 });
});
afterAll(async () => {
  await bridge.close();
});

describe('the ERP-side poll of actions', () => {
  it('queues no run while the action feed has nothing after the runs’ cursors', async () => {
    expect(await pollOnce()).toEqual([]);
  });

  it('brings a new ERP action to the calendar and a completed one to To Do within seconds, after which nothing is left to poll', async () => {
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCHours(9, 0, 0, 0);
    const base = { allDay: false, timeZone: 'Europe/Paris', status: 'planned', private: false, ownerId: benchErpUserId } as const;
    const visit = await bridge.erp.createAction({ ...base, type: 'visit', subject: 'Visite chez Blanc', start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() }, clerk);
    const call = await bridge.erp.createAction({ ...base, type: 'call', subject: 'Appeler Blanc' }, clerk);

    await vi.waitFor(() => {
      expect(mailbox().events.find((event) => event.subject === visit.subject)).toBeDefined();
      expect(mailbox().tasks.find((task) => task.title === call.subject)?.status).toBe('notStarted');
    }, waitLong);
    await bridge.erp.updateAction(call.id, { status: 'done', version: (await bridge.erp.getAction(call.id))?.version ?? 0 }, clerk);
    await vi.waitFor(() => expect(mailbox().tasks.find((task) => task.title === call.subject)?.status).toBe('completed'), waitLong);

    await vi.waitFor(async () => expect(await runsGoing()).toBe(false), waitLong);
    expect(await pollOnce()).toEqual([]);
  });
});
