import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MailboxSnapshot, SubscriptionSnapshot } from '../../../../dev/m365/graph/graph-emulator-admin';
import type { NotificationDelivery } from '../../../../dev/m365/graph/notification-client';
import type { Collection, EventJson, SubscriptionJson, TodoTaskJson } from './support/graph-json';
import { contoso, startTestGraph, type TestGraph } from './support/start-test-graph';
import { startWebhookReceiver, type WebhookReceiver } from './support/start-webhook-receiver';

let graph: TestGraph;
let receiver: WebhookReceiver;
beforeEach(async () => {
  graph = await startTestGraph();
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await graph.close();
  await receiver.close();
});

const erpId = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name ErpId';

async function admin<Body>(path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: Body }> {
  const response = await fetch(`${graph.emulator.url}/_admin${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: Body = text === '' ? undefined : JSON.parse(text);
  return { status: response.status, body: parsed };
}

describe('the admin API for calendars, To Do and subscriptions', () => {
  it('seeds a mailbox with events, calendars, tasks and To Do lists that Graph then serves', async () => {
    const seeded = await admin<MailboxSnapshot>('/mailboxes', 'POST', {
      tenantId: contoso.tenantId,
      id: 'f0f0f0f0-0000-4000-8000-00000000000f',
      userPrincipalName: 'fran@contoso.test',
      events: [{ subject: 'Seeded', start: { dateTime: '2025-06-02T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2025-06-02T10:00:00', timeZone: 'UTC' } }],
      calendars: [{ name: 'ERP' }],
      tasks: [{ title: 'Seeded task' }],
      todoLists: [{ displayName: 'ERP', tasks: [{ title: 'ERP task', linkedResources: [{ externalId: 'acme:T-1' }] }] }],
    });
    const token = await graph.tokens.delegated({ tenantId: contoso.tenantId, userId: 'f0f0f0f0-0000-4000-8000-00000000000f', scopes: ['Calendars.Read'] });

    const events = await graph.call<Collection<EventJson>>('/me/events', { token });

    expect(seeded.status).toBe(201);
    expect(seeded.body.calendars.map((calendar) => calendar.name)).toEqual(['Calendar', 'ERP']);
    expect(seeded.body.todoLists.map((list) => list.displayName)).toEqual(['Tasks', 'ERP']);
    expect(seeded.body.tasks.map((task) => [task.title, task.listId === seeded.body.defaultTodoListId])).toEqual([
      ['Seeded task', true],
      ['ERP task', false],
    ]);
    expect(seeded.body.tasks[1]?.linkedResources).toEqual([expect.objectContaining({ externalId: 'acme:T-1' })]);
    expect(events.body.value.map((event) => event.subject)).toEqual(['Seeded']);
  });

  it("shows a mailbox's events with their calendar and every extended property, and its tasks with their linked resources", async () => {
    await graph.call('/me/events', {
      token: graph.anaSyncToken,
      method: 'POST',
      body: {
        subject: 'Tagged',
        start: { dateTime: '2025-06-02T09:00:00', timeZone: 'Romance Standard Time' },
        end: { dateTime: '2025-06-02T10:00:00', timeZone: 'Romance Standard Time' },
        singleValueExtendedProperties: [{ id: erpId, value: 'acme:A-1' }],
      },
    });

    const { body } = await admin<MailboxSnapshot>(`/mailboxes/${contoso.ana.userPrincipalName}`);

    expect(body.events).toEqual([
      expect.objectContaining({
        subject: 'Tagged',
        calendarId: body.primaryCalendarId,
        start: { dateTime: '2025-06-02T07:00:00.0000000', timeZone: 'UTC' },
        originalStartTimeZone: 'Romance Standard Time',
        singleValueExtendedProperties: [{ id: erpId, value: 'acme:A-1' }],
      }),
    ]);
    expect(body.tasks).toEqual([]);
  });

  it('lists subscriptions with their mailbox, triggers a lifecycle event and shows the deliveries', async () => {
    const { body: created } = await graph.call<SubscriptionJson>('/subscriptions', {
      token: graph.anaSyncToken,
      method: 'POST',
      body: {
        changeType: 'created',
        resource: `users/${contoso.ana.id}/events`,
        notificationUrl: `${receiver.url}/notifications`,
        lifecycleNotificationUrl: `${receiver.url}/lifecycle`,
        expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
        clientState: 'secret',
      },
    });

    const listed = await admin<SubscriptionSnapshot[]>('/subscriptions');
    const triggered = await admin<{ delivery: NotificationDelivery | null }>(`/subscriptions/${created.id}/lifecycle`, 'POST', { lifecycleEvent: 'reauthorizationRequired' });
    const settled = await admin<NotificationDelivery[]>('/notifications/settle', 'POST');
    const afterTrigger = await admin<SubscriptionSnapshot[]>('/subscriptions');
    const expired = await admin(`/subscriptions/${created.id}/expire`, 'POST');

    expect(listed.body).toEqual([expect.objectContaining({ id: created.id, mailboxId: contoso.ana.id, tenantId: contoso.tenantId, needsReauthorization: false })]);
    expect(triggered.body.delivery).toMatchObject({ kind: 'lifecycle', url: `${receiver.url}/lifecycle` });
    expect(settled.body).toEqual([expect.objectContaining({ kind: 'lifecycle', status: 'delivered', attempts: 1 })]);
    expect(afterTrigger.body[0]?.needsReauthorization).toBe(true);
    expect(expired.status).toBe(204);
    expect((await admin<SubscriptionSnapshot[]>('/subscriptions')).body).toEqual([]);
  });

  it('expires calendar view and task delta tokens with the contact ones', async () => {
    const view = await graph.call<Collection<EventJson>>('/me/calendarView/delta?startDateTime=2025-06-01T00:00:00&endDateTime=2025-07-01T00:00:00', { token: graph.anaSyncToken });
    const { body: lists } = await graph.call<Collection<TodoTaskJson>>('/me/todo/lists', { token: graph.anaSyncToken });
    const tasks = await graph.call<Collection<TodoTaskJson>>(`/me/todo/lists/${lists.value[0]?.id}/tasks/delta`, { token: graph.anaSyncToken });

    const expired = await admin<{ expired: number }>('/delta-tokens/expire', 'POST', { mailbox: contoso.ana.id });

    expect(expired.body.expired).toBe(2);
    expect((await graph.call(view.body['@odata.deltaLink'] ?? '', { token: graph.anaSyncToken })).status).toBe(410);
    expect((await graph.call(tasks.body['@odata.deltaLink'] ?? '', { token: graph.anaSyncToken })).status).toBe(410);
  });

  it('answers a seed with an invalid event with 400', async () => {
    const answer = await admin<{ error: { code: string } }>('/mailboxes', 'POST', {
      tenantId: contoso.tenantId,
      id: 'f1f1f1f1-0000-4000-8000-00000000000f',
      userPrincipalName: 'gil@contoso.test',
      events: [{ subject: 'No times' }],
    });

    expect(answer.status).toBe(400);
  });
});
