import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ActionInput } from '../../../src/domain/erp-records';
import { benchEnvironment, benchErpUserId, benchUser } from '../../../bench/start-contact-bench';
import { erpChangeSecret, startLatencyBridge, type LatencyBridge } from '../../../bench/start-latency-bridge';
import { erpChangePath } from '../../../server/notifications/register-erp-change-routes';

/**
 * Amélie's ERP actions synced two-way to her primary calendar and her To Do list `ERP`, through
 * real runs, with Graph notifications on (0.2 s delivery delay) and no schedule: a change reaches
 * the other side only through a notification or the ERP hook.
 */
let bridge: LatencyBridge;
const waitLong = { timeout: 20_000, interval: 50 };
const clerk = { erpUserId: benchErpUserId, email: 'amelie.dubois@fabrikamfrance.onmicrosoft.com' };
const day = (offset: number, hour: number) => {
  const at = new Date(Date.now() + offset * 86_400_000);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

beforeAll(async () => {
  bridge = await startLatencyBridge({ contacts: 5, notifications: true, actions: true, graphNotifications: { deliveryDelayMs: 200 } });
});
afterAll(async () => {
  await bridge.close();
});

const mailbox = () => bridge.m365.graph.admin.readMailbox(benchUser.objectId);
const eventNamed = (subject: string) => mailbox().events.find((event) => event.subject === subject);
const taskNamed = (title: string) => mailbox().tasks.find((task) => task.title === title);
const addAction = (fields: Partial<ActionInput> & Pick<ActionInput, 'subject' | 'type'>) =>
  bridge.erp.createAction({ allDay: false, timeZone: 'Europe/Paris', status: 'planned', private: false, ownerId: benchErpUserId, ...fields }, clerk);
const callHook = async (body: unknown) => {
  const answer = await fetch(`${bridge.url}${erpChangePath}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-erp-change-secret': erpChangeSecret }, body: JSON.stringify(body) });
  expect(answer.status).toBe(202);
  return (await answer.json()) as { mailboxes: number };
};

describe('action sync with Graph notifications on', () => {
  it('subscribes to the primary calendar’s events and to the To Do list the task run uses, within each documented lifetime', async () => {
    const todoList = mailbox().todoLists.find((list) => list.displayName === 'ERP');
    const resources = bridge.m365.graph.admin.subscriptions().map((subscription) => subscription.resource).sort();
    const [events, tasks] = await Promise.all([bridge.store.graphSubscriptions.get(benchUser, 'events'), bridge.store.graphSubscriptions.get(benchUser, 'tasks')]);
    const minutesLeft = (expiresAt: string | undefined) => (Date.parse(expiresAt ?? '') - Date.now()) / 60_000;

    expect(todoList).toBeDefined();
    expect(resources).toEqual([
      `/users/${benchUser.objectId}/contactFolders/${bridge.folderId}/contacts`,
      `/users/${benchUser.objectId}/events`,
      `/users/${benchUser.objectId}/todo/lists/${todoList?.id}/tasks`,
    ].sort());
    expect(events?.state).toBe('active');
    expect(minutesLeft(events?.expiresAt)).toBeGreaterThan(10_000);
    expect(minutesLeft(events?.expiresAt)).toBeLessThan(10_080);
    expect(tasks?.state).toBe('active');
    expect(minutesLeft(tasks?.expiresAt)).toBeGreaterThan(4_150);
    expect(minutesLeft(tasks?.expiresAt)).toBeLessThan(4_230);
  });

  it('brings new ERP actions and an ERP edit to the calendar and To Do through the hook, naming the actions', async () => {
    const visit = await addAction({ type: 'visit', subject: 'Visite chez Lamy', start: day(3, 9), end: day(3, 10) });
    const call = await addAction({ type: 'call', subject: 'Rappeler Lamy', dueDate: day(4, 0).slice(0, 10) });

    expect(await callHook({ environment: benchEnvironment, actions: [visit.id, call.id] })).toEqual({ mailboxes: 1 });
    await vi.waitFor(() => {
      expect(eventNamed('Visite chez Lamy')).toBeDefined();
      expect(taskNamed('Rappeler Lamy')).toBeDefined();
    }, waitLong);

    const current = await bridge.erp.getAction(visit.id);
    await bridge.erp.updateAction(visit.id, { start: day(3, 14), end: day(3, 15), version: current?.version ?? 0 }, clerk);
    await callHook({ environment: benchEnvironment, actions: [visit.id] });

    await vi.waitFor(() => expect(Date.parse(`${eventNamed('Visite chez Lamy')?.start?.dateTime ?? ''}Z`)).toBe(Date.parse(day(3, 14))), waitLong);
  });

  it('brings an event moved in Outlook to the ERP action through a notification, without waiting for the poll', async () => {
    const visit = await addAction({ type: 'visit', subject: 'Visite chez Roux', start: day(5, 9), end: day(5, 10) });
    await callHook({ environment: benchEnvironment, actions: [visit.id] });
    await vi.waitFor(() => expect(eventNamed('Visite chez Roux')).toBeDefined(), waitLong);
    const event = eventNamed('Visite chez Roux');

    await bridge.client.request('PATCH', `/users/${benchUser.objectId}/events/${event?.id ?? ''}`, {
      body: { start: { dateTime: day(6, 13).slice(0, 19), timeZone: 'UTC' }, end: { dateTime: day(6, 14).slice(0, 19), timeZone: 'UTC' } },
    });

    await vi.waitFor(async () => expect(await bridge.erp.getAction(visit.id)).toMatchObject({ start: day(6, 13), end: day(6, 14) }), waitLong);
  });

  it('completes the ERP action when the task is completed in To Do', async () => {
    const call = await addAction({ type: 'call', subject: 'Appeler Girard', dueDate: day(7, 0).slice(0, 10) });
    await callHook({ environment: benchEnvironment, actions: [call.id] });
    await vi.waitFor(() => expect(taskNamed('Appeler Girard')).toBeDefined(), waitLong);
    const task = taskNamed('Appeler Girard');

    await bridge.client.request('PATCH', `/users/${benchUser.objectId}/todo/lists/${task?.listId ?? ''}/tasks/${task?.id ?? ''}`, { body: { status: 'completed' } });

    await vi.waitFor(async () => expect((await bridge.erp.getAction(call.id))?.status).toBe('done'), waitLong);
  });

  it('removes the event and task subscriptions when the user turns action sync off, and keeps the contacts one', async () => {
    const saved = await bridge.store.settings.get(benchUser);
    if (!saved) throw new Error('the bench saved no settings');
    await bridge.store.settings.put(benchUser, { ...saved, actionsEnabled: false }, new Date().toISOString());

    await bridge.notifications.settle();

    expect(bridge.m365.graph.admin.subscriptions().map((subscription) => subscription.resource)).toEqual([`/users/${benchUser.objectId}/contactFolders/${bridge.folderId}/contacts`]);
    expect(await bridge.store.graphSubscriptions.get(benchUser, 'events')).toBeUndefined();
    expect(await bridge.store.graphSubscriptions.get(benchUser, 'tasks')).toBeUndefined();
  });
});
