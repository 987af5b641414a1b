import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactFolder, ContactJson, EventJson, GraphErrorBody, SubscriptionJson, TodoTaskJson, TodoTaskListJson } from './support/graph-json';
import { type CallOptions, contoso, type GraphAnswer, startTestGraph, type TestGraph } from './support/start-test-graph';
import { startWebhookReceiver, type WebhookReceiver } from './support/start-webhook-receiver';

let graph: TestGraph;
let receiver: WebhookReceiver;
let clock: number;
const minutes = (count: number) => count * 60_000;

beforeEach(async () => {
  clock = Date.UTC(2025, 5, 2, 8, 0, 0);
  graph = await startTestGraph({ now: () => clock, notifications: { validationTimeoutMs: 300, retryDelaysMs: [20, 20], deliveryDelayMs: 0 } });
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await graph.close();
  await receiver.close();
});

const call = <Body>(path: string, options: CallOptions = {}): Promise<GraphAnswer<Body>> =>
  graph.call<Body>(path, { token: graph.anaSyncToken, ...options });

const inOneDay = () => new Date(clock + minutes(24 * 60)).toISOString();

const subscribe = (body: Record<string, unknown>, options: CallOptions = {}) =>
  call<SubscriptionJson & GraphErrorBody>('/subscriptions', {
    method: 'POST',
    body: {
      changeType: 'created,updated,deleted',
      notificationUrl: `${receiver.url}/notifications`,
      expirationDateTime: inOneDay(),
      clientState: 'bridge-secret-1',
      ...body,
    },
    ...options,
  });

async function erpFolder(): Promise<string> {
  const { body } = await call<ContactFolder>('/me/contactFolders', { method: 'POST', body: { displayName: 'ERP' } });
  return body.id ?? '';
}

describe('creating a subscription', () => {
  it('validates the notificationUrl with a decoded token in text/plain, then answers 201 with the subscription', async () => {
    const folderId = await erpFolder();

    const created = await subscribe({ resource: `me/contactFolders/${folderId}/contacts`, lifecycleNotificationUrl: `${receiver.url}/lifecycle` });
    const listed = await call<{ value: SubscriptionJson[] }>('/subscriptions');

    expect(receiver.validations.map((validation) => validation.path)).toEqual(['/notifications', '/lifecycle']);
    expect(receiver.validations[0]?.token).toMatch(/^Validation: Testing client application reachability for subscription Request-Id: [0-9a-f-]{36}$/);
    expect(receiver.validations[0]?.contentType).toContain('text/plain');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      resource: `me/contactFolders/${folderId}/contacts`,
      changeType: 'created,updated,deleted',
      clientState: 'bridge-secret-1',
      notificationUrl: `${receiver.url}/notifications`,
      lifecycleNotificationUrl: `${receiver.url}/lifecycle`,
      creatorId: contoso.ana.id,
      expirationDateTime: expect.stringMatching(/^2025-06-03T08:00:00\.0000000Z$/),
    });
    expect(listed.body.value.map((subscription) => subscription.id)).toEqual([created.body.id]);
  });

  it.each([
    ['echoes the token URL-encoded', 'echo-encoded' as const],
    ['answers 500', 'error' as const],
    ['answers JSON instead of text/plain', 'json' as const],
    ['answers after the timeout', 'slow' as const],
  ])('refuses the subscription with 400 when the endpoint %s', async (_, behaviour) => {
    receiver.validation = behaviour;

    const refused = await subscribe({ resource: 'me/events' });
    const listed = await call<{ value: SubscriptionJson[] }>('/subscriptions');

    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('ValidationError');
    expect(listed.body.value).toEqual([]);
  });

  it('caps the lifetime at the documented maximum: 10,080 minutes for events, 4,230 for To Do tasks', async () => {
    const { body: lists } = await call<{ value: TodoTaskListJson[] }>('/me/todo/lists');
    const at = (offset: number) => new Date(clock + offset).toISOString();

    const eventAtMaximum = await subscribe({ resource: 'me/events', expirationDateTime: at(minutes(10_080)) });
    const eventBeyond = await subscribe({ resource: 'me/events', expirationDateTime: at(minutes(10_081)) });
    const taskBeyond = await subscribe({ resource: `me/todo/lists/${lists.value[0]?.id}/tasks`, expirationDateTime: at(minutes(4_231)) });
    const inThePast = await subscribe({ resource: 'me/events', expirationDateTime: at(-1_000) });

    expect(eventAtMaximum.status).toBe(201);
    expect(eventBeyond.status).toBe(400);
    expect(eventBeyond.body.error).toMatchObject({ code: 'ExtensionError', message: 'Subscription expiration can only be 10080 minutes in the future.' });
    expect(taskBeyond.body.error.message).toBe('Subscription expiration can only be 4230 minutes in the future.');
    expect(inThePast.status).toBe(400);
  });

  it('refuses a missing required property, an unknown resource and a plain-HTTP endpoint off loopback', async () => {
    const missing = await call<GraphErrorBody>('/subscriptions', { method: 'POST', body: { changeType: 'created', resource: 'me/events', notificationUrl: `${receiver.url}/n` } });
    const unknown = await subscribe({ resource: 'me/messages' });
    const insecure = await subscribe({ resource: 'me/events', notificationUrl: 'http://bridge.contoso.test/notifications' });

    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('expirationDateTime is a required property for subscription creation.');
    expect(unknown.status).toBe(400);
    expect(insecure.status).toBe(400);
    expect(receiver.validations).toEqual([]);
  });
});

describe('change notifications', () => {
  it('POSTs a notification with the clientState when a contact of the watched folder changes', async () => {
    const folderId = await erpFolder();
    const { body: subscription } = await subscribe({ resource: `me/contactFolders/${folderId}/contacts` });

    const { body: contact } = await call<ContactJson>(`/me/contactFolders/${folderId}/contacts`, { method: 'POST', body: { givenName: 'Pavel' } });
    await call('/me/contacts', { method: 'POST', body: { givenName: 'Not watched' } });
    const [received] = await receiver.waitForNotifications(1);
    await graph.emulator.admin.settleNotifications();

    expect(received?.contentType).toContain('application/json');
    expect(received?.body).toEqual({
      value: [
        {
          subscriptionId: subscription.id,
          subscriptionExpirationDateTime: subscription.expirationDateTime,
          changeType: 'created',
          resource: `Users/${contoso.ana.id}/Contacts/${contact.id}`,
          resourceData: {
            '@odata.type': '#Microsoft.Graph.Contact',
            '@odata.id': `Users/${contoso.ana.id}/Contacts/${contact.id}`,
            '@odata.etag': contact['@odata.etag'],
            id: contact.id,
          },
          clientState: 'bridge-secret-1',
          tenantId: contoso.tenantId,
        },
      ],
    });
    expect(receiver.notifications).toHaveLength(1);
  });

  it('sends only the change types subscribed to: an update of an event, not its creation', async () => {
    await subscribe({ resource: 'me/events', changeType: 'updated' });
    const { body: event } = await call<EventJson>('/me/events', {
      method: 'POST',
      body: { subject: 'Visit', start: { dateTime: '2025-06-03T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2025-06-03T10:00:00', timeZone: 'UTC' } },
    });

    await call(`/me/events/${event.id}`, { method: 'PATCH', body: { subject: 'Visit, moved' } });
    const received = await receiver.waitForNotifications(1);
    await graph.emulator.admin.settleNotifications();

    expect(receiver.notifications).toHaveLength(1);
    expect(received[0]?.body.value?.[0]).toMatchObject({ changeType: 'updated', resourceData: { '@odata.type': '#Microsoft.Graph.Event', id: event.id } });
  });

  it("notifies a subscription to a dedicated calendar of its events only, not the primary calendar's", async () => {
    const { body: calendar } = await call<{ id?: string }>('/me/calendars', { method: 'POST', body: { name: 'ERP' } });
    await subscribe({ resource: `/users/${contoso.ana.id}/calendars/${calendar.id}/events` });
    const times = { start: { dateTime: '2025-06-03T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2025-06-03T10:00:00', timeZone: 'UTC' } };

    await call<EventJson>('/me/events', { method: 'POST', body: { subject: 'In the primary calendar', ...times } });
    const { body: event } = await call<EventJson>(`/me/calendars/${calendar.id}/events`, { method: 'POST', body: { subject: 'In the ERP calendar', ...times } });
    const [received] = await receiver.waitForNotifications(1);
    await graph.emulator.admin.settleNotifications();

    expect(receiver.notifications).toHaveLength(1);
    expect(received?.body.value?.[0]).toMatchObject({ changeType: 'created', resource: `Users/${contoso.ana.id}/Events/${event.id}`, resourceData: { '@odata.type': '#Microsoft.Graph.Event', id: event.id } });
  });

  it("notifies an app subscribed to a user's To Do list of a deleted task", async () => {
    const { body: lists } = await graph.call<{ value: TodoTaskListJson[] }>(`/users/${contoso.ben.id}/todo/lists`, { token: graph.appSyncToken });
    const tasks = `/users/${contoso.ben.id}/todo/lists/${lists.value[0]?.id}/tasks`;
    await subscribe({ resource: tasks.slice(1), changeType: 'deleted' }, { token: graph.appSyncToken });
    const { body: task } = await graph.call<TodoTaskJson>(tasks, { token: graph.appSyncToken, method: 'POST', body: { title: 'Call back' } });

    await graph.call(`${tasks}/${task.id}`, { token: graph.appSyncToken, method: 'DELETE' });
    const [received] = await receiver.waitForNotifications(1);

    expect(received?.body.value?.[0]).toMatchObject({
      changeType: 'deleted',
      resource: `Users/${contoso.ben.id}/todo/lists/${lists.value[0]?.id}/tasks/${task.id}`,
      resourceData: { '@odata.type': '#Microsoft.Graph.todoTask', id: task.id },
    });
    expect(received?.body.value?.[0]?.resourceData).not.toHaveProperty('@odata.etag');
  });

  it('retries a delivery the endpoint answered with 5xx', async () => {
    await subscribe({ resource: 'me/contacts' });
    receiver.notificationStatuses.push(503);

    await call('/me/contacts', { method: 'POST', body: { givenName: 'Retried' } });
    await receiver.waitForNotifications(1);
    await graph.emulator.admin.settleNotifications();

    expect(graph.emulator.admin.notifications()).toMatchObject([{ kind: 'change', status: 'delivered', attempts: 2, lastResult: 202 }]);
  });
});

describe('renewal and expiry', () => {
  it('renews a subscription by PATCH of expirationDateTime, within the maximum', async () => {
    const { body: created } = await subscribe({ resource: 'me/events' });
    const renewedUntil = new Date(clock + minutes(3 * 24 * 60)).toISOString();

    const renewed = await call<SubscriptionJson>(`/subscriptions/${created.id}`, { method: 'PATCH', body: { expirationDateTime: renewedUntil } });
    const tooFar = await call<GraphErrorBody>(`/subscriptions/${created.id}`, { method: 'PATCH', body: { expirationDateTime: new Date(clock + minutes(10_081)).toISOString() } });
    const lifecycleChange = await call<GraphErrorBody>(`/subscriptions/${created.id}`, { method: 'PATCH', body: { lifecycleNotificationUrl: `${receiver.url}/lifecycle` } });

    expect(renewed.status).toBe(200);
    expect(renewed.body.expirationDateTime).toBe('2025-06-05T08:00:00.0000000Z');
    expect(tooFar.status).toBe(400);
    expect(lifecycleChange.status).toBe(400);
  });

  it('forgets a subscription that was not renewed in time: 404, and no more notifications', async () => {
    const { body: created } = await subscribe({ resource: 'me/contacts' });
    clock += minutes(24 * 60) + 1;

    const read = await call<GraphErrorBody>(`/subscriptions/${created.id}`);
    await call('/me/contacts', { method: 'POST', body: { givenName: 'Unseen' } });
    await graph.emulator.admin.settleNotifications();

    expect(read.status).toBe(404);
    expect(receiver.notifications).toEqual([]);
  });

  it('deletes a subscription with 204', async () => {
    const { body: created } = await subscribe({ resource: 'me/contacts' });

    const deleted = await call(`/subscriptions/${created.id}`, { method: 'DELETE' });
    const read = await call<GraphErrorBody>(`/subscriptions/${created.id}`);

    expect(deleted.status).toBe(204);
    expect(read.status).toBe(404);
  });
});

describe('lifecycle notifications', () => {
  it('sends reauthorizationRequired to the lifecycle URL and holds change notifications back until the subscription is renewed', async () => {
    const { body: created } = await subscribe({ resource: 'me/contacts', lifecycleNotificationUrl: `${receiver.url}/lifecycle` });

    graph.emulator.admin.triggerLifecycleEvent(created.id ?? '', 'reauthorizationRequired');
    const [lifecycle] = await receiver.waitForNotifications(1, '/lifecycle');
    await call('/me/contacts', { method: 'POST', body: { givenName: 'Held back' } });
    await graph.emulator.admin.settleNotifications();
    const heldBack = receiver.notifications.filter((notification) => notification.path === '/notifications').length;
    await call(`/subscriptions/${created.id}/reauthorize`, { method: 'POST' });
    await call('/me/contacts', { method: 'POST', body: { givenName: 'Delivered' } });
    await receiver.waitForNotifications(1, '/notifications');
    await graph.emulator.admin.settleNotifications();

    expect(lifecycle?.body).toEqual({
      value: [
        {
          subscriptionId: created.id,
          subscriptionExpirationDateTime: created.expirationDateTime,
          tenantId: contoso.tenantId,
          clientState: 'bridge-secret-1',
          lifecycleEvent: 'reauthorizationRequired',
        },
      ],
    });
    expect(heldBack).toBe(0);
    expect(graph.emulator.admin.notifications().map((delivery) => delivery.status)).toEqual(['delivered', 'paused', 'delivered']);
  });

  it('removes the subscription on subscriptionRemoved, and sends missed without changing anything', async () => {
    const { body: removed } = await subscribe({ resource: 'me/contacts', lifecycleNotificationUrl: `${receiver.url}/lifecycle` });
    const { body: kept } = await subscribe({ resource: 'me/events', lifecycleNotificationUrl: `${receiver.url}/lifecycle` });

    await fetch(`${graph.emulator.url}/_admin/subscriptions/${removed.id}/lifecycle`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lifecycleEvent: 'subscriptionRemoved' }),
    });
    graph.emulator.admin.triggerLifecycleEvent(kept.id ?? '', 'missed');
    const received = await receiver.waitForNotifications(2, '/lifecycle');

    expect(received.map((notification) => notification.body.value?.[0]?.lifecycleEvent).sort()).toEqual(['missed', 'subscriptionRemoved']);
    expect((await call(`/subscriptions/${removed.id}`)).status).toBe(404);
    expect((await call(`/subscriptions/${kept.id}`)).status).toBe(200);
  });

  it('refuses subscriptionRemoved for a To Do subscription, which Graph sends for Outlook items only', async () => {
    const { body: lists } = await call<{ value: TodoTaskListJson[] }>('/me/todo/lists');
    const { body: created } = await subscribe({ resource: `me/todo/lists/${lists.value[0]?.id}/tasks`, lifecycleNotificationUrl: `${receiver.url}/lifecycle` });

    const answer = await fetch(`${graph.emulator.url}/_admin/subscriptions/${created.id}/lifecycle`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lifecycleEvent: 'subscriptionRemoved' }),
    });

    expect(answer.status).toBe(400);
  });
});

describe('subscription permissions', () => {
  it("refuses a delegated subscription to another user's mailbox, and one without a read scope of the resource", async () => {
    const contactsOnly = graph.anaToken;

    const otherUser = await subscribe({ resource: `users/${contoso.ben.id}/events` });
    const noScope = await subscribe({ resource: 'me/events' }, { token: contactsOnly });

    expect(otherUser.status).toBe(403);
    expect(noScope.status).toBe(403);
    expect(noScope.body.error.code).toBe('ErrorAccessDenied');
  });

  it('shows a subscription only to the app that created it', async () => {
    const { body: created } = await subscribe({ resource: 'me/contacts' });
    const otherApp = await graph.tokens.delegated({
      tenantId: contoso.tenantId,
      userId: contoso.ana.id,
      scopes: ['Contacts.Read'],
      appId: '11111111-2222-4333-8444-555555555555',
    });

    const read = await graph.call<GraphErrorBody>(`/subscriptions/${created.id}`, { token: otherApp });
    const listed = await graph.call<{ value: SubscriptionJson[] }>('/subscriptions', { token: otherApp });

    expect(read.status).toBe(404);
    expect(listed.body.value).toEqual([]);
  });
});

describe('delivery timing and losses', () => {
  /** Subscribes to a new folder of Ana's; the function returned adds contacts to it. */
  async function watchedFolder(testGraph: TestGraph): Promise<(count: number) => Promise<void>> {
    const own = <Body>(path: string, options: CallOptions = {}) => testGraph.call<Body>(path, { token: testGraph.anaSyncToken, ...options });
    const { body: folder } = await own<ContactFolder>('/me/contactFolders', { method: 'POST', body: { displayName: 'ERP' } });
    await own('/subscriptions', {
      method: 'POST',
      body: { changeType: 'created', notificationUrl: `${receiver.url}/notifications`, expirationDateTime: inOneDay(), clientState: 'secret', resource: `me/contactFolders/${folder.id ?? ''}/contacts` },
    });
    return async (count) => {
      for (let index = 0; index < count; index += 1) await own(`/me/contactFolders/${folder.id ?? ''}/contacts`, { method: 'POST', body: { givenName: `Contact ${index}` } });
    };
  }

  it('POSTs a change notification only after the delivery delay', async () => {
    const delayed = await startTestGraph({ now: () => clock, notifications: { deliveryDelayMs: 400 } });
    try {
      const addContacts = await watchedFolder(delayed);
      const changedAt = performance.now();
      await addContacts(1);
      await receiver.waitForNotifications(1);
      expect(performance.now() - changedAt).toBeGreaterThanOrEqual(400);
    } finally {
      await delayed.close();
    }
  });

  it('drops and delays the same notifications for the same seed, and sends the others', async () => {
    const fates: string[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const lossy = await startTestGraph({ now: () => clock, notifications: { deliveryDelayMs: 0, dropShare: 0.3, delayShare: 0.3, extraDelayMs: 50, seed: 7 } });
      try {
        await (await watchedFolder(lossy))(20);
        await lossy.emulator.admin.settleNotifications();
        fates.push(lossy.emulator.admin.notifications().map((delivery) => delivery.status));
      } finally {
        await lossy.close();
      }
    }
    const [first, second] = fates;
    expect(first).toEqual(second);
    expect(first?.filter((status) => status === 'dropped').length).toBeGreaterThan(0);
    expect(first?.filter((status) => status === 'delivered').length).toBeGreaterThan(0);
    expect(first?.every((status) => status === 'dropped' || status === 'delivered')).toBe(true);
  });
});
