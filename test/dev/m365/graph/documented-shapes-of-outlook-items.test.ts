import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection, EventJson, RemovedEntry, SubscriptionJson, TodoTaskJson, TodoTaskListJson } from './support/graph-json';
import { jsonShape } from './support/json-shape';
import { readFixture } from './support/read-fixture';
import { type CallOptions, type GraphAnswer, startTestGraph, type TestGraph } from './support/start-test-graph';
import { startWebhookReceiver, type WebhookReceiver } from './support/start-webhook-receiver';

interface RecordedExchange {
  request: { headers?: Record<string, string>; body?: object };
  response: { status: number; body: object };
}
type RecordedDelta = RecordedExchange & { finalPage: object; removedEntry: object };
interface RecordedNotifications {
  changeNotification: object;
  lifecycleNotification: object;
}

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

const call = <Body>(path: string, options: CallOptions = {}): Promise<GraphAnswer<Body>> =>
  graph.call<Body>(path, { token: graph.anaSyncToken, ...options });

const december = (day: string, from: string, to: string) => ({
  start: { dateTime: `2016-12-${day}T${from}:00`, timeZone: 'UTC' },
  end: { dateTime: `2016-12-${day}T${to}:00`, timeZone: 'UTC' },
});

describe("the emulator's answers have the shape of Microsoft's documented examples", () => {
  it('create event: at least the documented properties, with the same types, times in the preferred zone', async () => {
    const recorded = readFixture<RecordedExchange>('event-create.json');

    const answer = await call<EventJson>('/me/events', { method: 'POST', body: recorded.request.body, headers: { prefer: recorded.request.headers?.Prefer ?? '' } });

    expect(answer.status).toBe(recorded.response.status);
    expect(jsonShape(answer.body)).toMatchObject(jsonShape(recorded.response.body));
    expect(answer.body.start).toEqual({ dateTime: '2017-04-15T12:00:00.0000000', timeZone: 'Pacific Standard Time' });
  });

  it('create todoTask with a linked resource: at least the documented properties, with the same types', async () => {
    const recorded = readFixture<RecordedExchange>('todo-task-create.json');
    const { body: list } = await call<TodoTaskListJson>('/me/todo/lists', { method: 'POST', body: { displayName: 'ERP' } });

    const answer = await call<TodoTaskJson>(`/me/todo/lists/${list.id}/tasks`, { method: 'POST', body: recorded.request.body });

    expect(answer.status).toBe(recorded.response.status);
    expect(jsonShape(answer.body)).toMatchObject(jsonShape(recorded.response.body));
  });

  it('calendarView delta: pages, items, the final page and an @removed entry of the documented shape', async () => {
    const recorded = readFixture<RecordedDelta>('calendar-view-delta.json');
    const events = [
      { subject: 'Plan shopping list', ...december('09', '20:30', '22:00') },
      { subject: 'Pick up car', ...december('10', '01:00', '02:00') },
      { subject: 'Get food', ...december('10', '19:30', '21:30') },
      { subject: 'Prepare food', ...december('10', '22:00', '23:59') },
      { subject: 'Rest!', location: { displayName: 'Home' }, ...december('12', '02:00', '07:30') },
    ];
    const created: EventJson[] = [];
    for (const event of events) {
      const answer = await call<EventJson>('/me/events', { method: 'POST', body: event });
      expect(answer.status).toBe(201);
      created.push(answer.body);
    }
    const prefer = { prefer: 'odata.maxpagesize=2' };

    const first = await call<Collection<EventJson>>('/me/calendarView/delta?startdatetime=2016-12-01T00:00:00Z&enddatetime=2016-12-30T00:00:00Z', { headers: prefer });
    const second = await call<Collection<EventJson>>(first.body['@odata.nextLink'] ?? '', { headers: prefer });
    const last = await call<Collection<EventJson>>(second.body['@odata.nextLink'] ?? '', { headers: prefer });
    await call(`/me/events/${created[0]?.id}`, { method: 'DELETE' });
    const next = await call<Collection<RemovedEntry>>(last.body['@odata.deltaLink'] ?? '');

    expect(jsonShape(first.body)).toMatchObject(jsonShape(recorded.response.body));
    expect(jsonShape(last.body)).toMatchObject(jsonShape(recorded.finalPage));
    expect(jsonShape(next.body.value[0])).toEqual(jsonShape(recorded.removedEntry));
  });

  it('create subscription: at least the documented properties, with the same types', async () => {
    const recorded = readFixture<RecordedExchange>('subscription-create.json');

    const answer = await call<SubscriptionJson>('/subscriptions', {
      method: 'POST',
      body: {
        ...recorded.request.body,
        resource: 'me/events',
        notificationUrl: `${receiver.url}/notifications`,
        expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });

    expect(answer.status).toBe(recorded.response.status);
    expect(jsonShape(answer.body)).toMatchObject(jsonShape(recorded.response.body));
  });

  it('change and lifecycle notifications: exactly the documented structure', async () => {
    const recorded = readFixture<RecordedNotifications>('change-notifications.json');
    const { body: subscription } = await call<SubscriptionJson>('/subscriptions', {
      method: 'POST',
      body: {
        changeType: 'created',
        resource: 'me/contacts',
        notificationUrl: `${receiver.url}/notifications`,
        lifecycleNotificationUrl: `${receiver.url}/lifecycle`,
        expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
        clientState: 'secretClientValue',
      },
    });

    await call('/me/contacts', { method: 'POST', body: { givenName: 'Notified' } });
    graph.emulator.admin.triggerLifecycleEvent(subscription.id ?? '', 'missed');
    const [change] = await receiver.waitForNotifications(1, '/notifications');
    const [lifecycle] = await receiver.waitForNotifications(1, '/lifecycle');

    expect(jsonShape(change?.body)).toEqual(jsonShape(recorded.changeNotification));
    expect(jsonShape(lifecycle?.body)).toEqual(jsonShape(recorded.lifecycleNotification));
  });
});
