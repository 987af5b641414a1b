import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { benchErpUserId, benchUser } from '../../../bench/start-contact-bench';
import { startLatencyBridge, type LatencyBridge } from '../../../bench/start-latency-bridge';
import { pollErpChanges } from '../../../server/notifications/poll-erp-changes';
import type { UserKey } from '../../../server/store/store';

/** An ERP that cannot call out, Amélie syncing contacts and actions: the bridge reads its change feeds every 0.3 s, with no schedule and no Graph notifications. */
let bridge: LatencyBridge;
const clerk = { erpUserId: benchErpUserId, email: 'amelie.dubois@fabrikamfrance.onmicrosoft.com' };
const waitLong = { timeout: 15_000, interval: 50 };
const mailbox = () => bridge.m365.graph.admin.readMailbox(benchUser.objectId);
const runsGoing = async () => (await bridge.store.runs.listForUser(benchUser, 100)).some((run) => run.status === 'running' || run.status === 'queued');
const contactRuns = async () => (await bridge.store.runs.listForUser(benchUser, 100)).filter((run) => run.kind === 'contacts');

/** One pass of the poll by hand: the mailboxes it would queue. */
async function pollOnce(): Promise<UserKey[]> {
  const queued: UserKey[] = [];
  await pollErpChanges({ store: bridge.store, environments: bridge.environments, logger: pino({ level: 'silent' }), queueRuns: async (_, users) => void queued.push(...users) });
  return queued;
}

beforeAll(async () => {
  bridge = await startLatencyBridge({ contacts: 20, notifications: false, actions: true, erpPollEveryMs: 300 });
});
afterAll(async () => {
  await bridge.close();
});

describe('the ERP-side poll', () => {
  it('queues no run while the ERP has no change since the last run', async () => {
    expect(await pollOnce()).toEqual([]);
  });

  it('brings an ERP edit to Outlook within seconds, after which nothing is left to poll', async () => {
    const [link] = await bridge.store.links.listForUser(benchUser, 'contact', { limit: 1 });
    if (!link) throw new Error('the first run linked no contact');
    const before = (await contactRuns()).length;
    const current = await bridge.erp.getContact(link.erpId);

    await bridge.erp.updateContact(link.erpId, { jobTitle: 'Changed in the ERP', version: current?.version ?? 0 }, { email: 'amelie.dubois@fabrikamfrance.onmicrosoft.com' });

    await vi.waitFor(() => {
      const contact = bridge.m365.graph.admin.readMailbox(benchUser.objectId).contacts.find((item) => item.id === link.outlookId || item.immutableId === link.outlookId);
      expect(contact?.jobTitle).toBe('Changed in the ERP');
    }, { timeout: 15_000, interval: 50 });
    await vi.waitFor(async () => expect((await contactRuns()).every((run) => run.status !== 'running')).toBe(true), { timeout: 15_000, interval: 50 });
    expect((await contactRuns()).length).toBeGreaterThan(before);
    expect(await pollOnce()).toEqual([]);
  });
});

describe('the ERP-side poll of actions', () => {
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
