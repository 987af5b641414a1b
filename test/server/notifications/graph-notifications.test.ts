import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { benchEnvironment, benchUser } from '../../../bench/start-contact-bench';
import { startLatencyBridge, type LatencyBridge } from '../../../bench/start-latency-bridge';
import { hashClientState } from '../../../server/notifications/hash-client-state';
import { graphNotificationPath } from '../../../server/notifications/register-notification-routes';

/**
 * The bridge listening on loopback with the Graph emulator delivering its notifications (0.2 s
 * delay): subscriptions made, renewed and removed as the mailbox's sync says, Outlook changes
 * turned into runs, lifecycle events handled.
 */
let bridge: LatencyBridge;
const waitLong = { timeout: 20_000, interval: 50 };

beforeAll(async () => {
  bridge = await startLatencyBridge({ contacts: 20, notifications: true, graphNotifications: { deliveryDelayMs: 200 } });
});
afterAll(async () => {
  await bridge.close();
});

const emulatorSubscriptions = () => bridge.m365.graph.admin.subscriptions();
const contactRuns = async () => (await bridge.store.runs.listForUser(benchUser, 100)).filter((run) => run.kind === 'contacts');
const linkedContact = async () => {
  const [link] = await bridge.store.links.listForUser(benchUser, 'contact', { limit: 1 });
  if (!link) throw new Error('the first run linked no contact');
  return link;
};

describe('Graph change notifications on the bridge', () => {
  it('subscribes to the synced folder, with lifecycle notifications, and stores only a hash of the clientState', async () => {
    const [subscription] = emulatorSubscriptions();
    const stored = await bridge.store.graphSubscriptions.get(benchUser, 'contacts');

    expect(emulatorSubscriptions()).toHaveLength(1);
    expect(subscription).toMatchObject({
      resource: `/users/${benchUser.objectId}/contactFolders/${bridge.folderId}/contacts`,
      changeType: 'created,updated,deleted',
      notificationUrl: `${bridge.url}${graphNotificationPath}`,
      lifecycleNotificationUrl: `${bridge.url}${graphNotificationPath}`,
    });
    expect(subscription?.clientState).toMatch(/^[\w-]{43}$/);
    expect(stored).toMatchObject({ subscriptionId: subscription?.id, state: 'active', clientStateHash: hashClientState(subscription?.clientState ?? '') });
    expect(JSON.stringify(stored)).not.toContain(subscription?.clientState);
    // Under the documented 10,080 minutes for Outlook contacts.
    const lifetimeMinutes = (Date.parse(stored?.expiresAt ?? '') - Date.now()) / 60_000;
    expect(lifetimeMinutes).toBeGreaterThan(10_000);
    expect(lifetimeMinutes).toBeLessThan(10_080);
  });

  it('brings an Outlook edit to the ERP through a notification, without waiting for the poll', async () => {
    const link = await linkedContact();
    const runsBefore = (await contactRuns()).length;

    await bridge.client.request('PATCH', `/users/${benchUser.objectId}/contacts/${link.outlookId}`, { body: { jobTitle: 'Set in Outlook' } });

    await vi.waitFor(async () => expect((await bridge.erp.getContact(link.erpId))?.jobTitle).toBe('Set in Outlook'), waitLong);
    expect((await contactRuns()).length).toBeGreaterThan(runsBefore);
  });

  it('answers reauthorizationRequired by renewing the subscription at once', async () => {
    const [subscription] = emulatorSubscriptions();
    const before = await bridge.store.graphSubscriptions.get(benchUser, 'contacts');
    bridge.m365.graph.admin.triggerLifecycleEvent(subscription?.id ?? '', 'reauthorizationRequired');

    await vi.waitFor(() => expect(emulatorSubscriptions()[0]?.needsReauthorization).toBe(false), waitLong);
    const after = await bridge.store.graphSubscriptions.get(benchUser, 'contacts');
    expect(after?.state).toBe('active');
    expect(Date.parse(after?.expiresAt ?? '')).toBeGreaterThanOrEqual(Date.parse(before?.expiresAt ?? ''));
  });

  it('answers subscriptionRemoved by subscribing again and running the mailbox', async () => {
    const [removed] = emulatorSubscriptions();
    const runsBefore = (await contactRuns()).length;
    bridge.m365.graph.admin.triggerLifecycleEvent(removed?.id ?? '', 'subscriptionRemoved');

    await vi.waitFor(() => expect(emulatorSubscriptions().map((subscription) => subscription.id)).toEqual([expect.not.stringMatching(removed?.id ?? '')]), waitLong);
    await vi.waitFor(async () => expect((await contactRuns()).length).toBeGreaterThan(runsBefore), waitLong);
    expect((await bridge.store.graphSubscriptions.get(benchUser, 'contacts'))?.subscriptionId).toBe(emulatorSubscriptions()[0]?.id);
  });

  it('answers missed with a run', async () => {
    const runsBefore = (await contactRuns()).length;
    bridge.m365.graph.admin.triggerLifecycleEvent(emulatorSubscriptions()[0]?.id ?? '', 'missed');
    await vi.waitFor(async () => expect((await contactRuns()).length).toBeGreaterThan(runsBefore), waitLong);
  });

  it('subscribes again when Graph expired the subscription, and runs the mailbox', async () => {
    const [expired] = emulatorSubscriptions();
    const runsBefore = (await contactRuns()).length;
    bridge.m365.graph.admin.expireSubscription(expired?.id ?? '');
    // Graph forgets it: renewing finds nothing, so the bridge's pass due to renew makes a new one.
    await bridge.store.graphSubscriptions.update(benchUser, 'contacts', { state: 'reauthorize' });
    await bridge.notifications.settle();

    expect(emulatorSubscriptions()).toHaveLength(1);
    expect(emulatorSubscriptions()[0]?.id).not.toBe(expired?.id);
    await vi.waitFor(async () => expect((await contactRuns()).length).toBeGreaterThan(runsBefore), waitLong);
  });

  it('removes the subscription when the user turns contact sync off', async () => {
    const settings = await bridge.store.settings.get(benchUser);
    if (!settings) throw new Error('no settings');
    await bridge.store.settings.put(benchUser, { ...settings, contacts: 'off' }, new Date().toISOString());
    await bridge.notifications.settle();

    expect(emulatorSubscriptions()).toEqual([]);
    expect(await bridge.store.graphSubscriptions.get(benchUser, 'contacts')).toBeUndefined();
    expect(await bridge.notifications.isHealthy(benchEnvironment, benchUser)).toBe(false);
  });
});
