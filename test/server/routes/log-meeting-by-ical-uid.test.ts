import type { Event } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { demoFixedRecords } from '../../../server/erp/demo/demo-fixed-records';
import type { ErpAction } from '../../../src/domain/erp-records';
import { SyncError } from '../../../src/sync/sync-error';
import { createTestBridge, type TestBridge } from '../support/create-test-bridge';

let bridge: TestBridge;
beforeAll(async () => {
  bridge = await createTestBridge();
});
afterAll(() => bridge.close());

/** The ERP contact every meeting here is with. */
const anaGarcia = demoFixedRecords.contacts.anaGarcia;

/** Lucía's Graph, on behalf of her bridge token, as the bridge reaches it. */
const luciasGraph = () =>
  bridge.graphAccess.clientForRequest('contoso', { tenantId: demoIds.contosoTenantId, objectId: demoIds.luciaObjectId }, bridge.tokens.lucia);

/** A meeting with Ana García in Lucía's calendar, made as Outlook would. */
function createMeeting(subject: string, fields: Partial<Event> = {}): Promise<Event> {
  return luciasGraph().request<Event>('POST', `/users/${demoIds.luciaObjectId}/events`, {
    body: {
      subject,
      start: { dateTime: '2026-11-10T10:00:00', timeZone: 'Romance Standard Time' },
      end: { dateTime: '2026-11-10T11:00:00', timeZone: 'Romance Standard Time' },
      attendees: [{ emailAddress: { address: anaGarcia.email }, type: 'required' }],
      ...fields,
    },
  });
}

const moveMeeting = (id: string, start: string, end: string) =>
  luciasGraph().request<Event>('PATCH', `/users/${demoIds.luciaObjectId}/events/${id}`, {
    body: { start: { dateTime: start, timeZone: 'Romance Standard Time' }, end: { dateTime: end, timeZone: 'Romance Standard Time' } },
  });

/** What the pane sends for a meeting: the times Office.js shows, the event's REST id, the key it used before. */
const logBody = (event: Event, start: string, end: string, extra: Record<string, unknown> = {}) => ({
  eventId: event.id, formerKey: `outlook:${demoIds.luciaObjectId}/${start}`, subject: event.subject, start, end, timeZone: 'Europe/Madrid',
  attendees: [{ email: anaGarcia.email }], bodyText: '', ...extra,
});

async function logMeeting(body: object, token = bridge.tokens.lucia): Promise<{ status: number; action: ErpAction; alreadyLogged: boolean }> {
  const answer = await bridge.request('/api/log/meeting', { method: 'POST', token, body });
  const json = (await answer.json()) as { action: ErpAction; alreadyLogged: boolean };
  return { status: answer.status, ...json };
}

async function actionsWithSubject(subject: string) {
  const page = await bridge.erps.contoso.listActions({ contactId: anaGarcia.id, limit: 200 });
  return page.items.filter((action) => action.subject === subject);
}

describe('logging a meeting by its iCalUId', () => {
  it('logs a meeting moved after it was logged only once, and shows it logged after the move', async () => {
    const event = await createMeeting('Revisión de pedido trimestral');
    const first = await logMeeting(logBody(event, '2026-11-10T09:00:00.000Z', '2026-11-10T10:00:00.000Z'));
    await moveMeeting(event.id ?? '', '2026-11-12T16:00:00', '2026-11-12T17:00:00');
    const afterMove = await logMeeting(logBody(event, '2026-11-12T15:00:00.000Z', '2026-11-12T16:00:00.000Z'));
    const status = await bridge.request(`/api/log/meeting?eventId=${encodeURIComponent(event.id ?? '')}`, { token: bridge.tokens.lucia });

    expect(first.status).toBe(201);
    expect(afterMove).toMatchObject({ status: 200, alreadyLogged: true, action: { id: first.action.id } });
    expect(await actionsWithSubject('Revisión de pedido trimestral')).toHaveLength(1);
    expect(await status.json()).toMatchObject({ logged: true, actionId: first.action.id, markedPrivate: false });
  });

  it('finds a meeting logged under its organizer and start before, and keeps finding it once it moves', async () => {
    const event = await createMeeting('Visita a almacén de Zaragoza');
    const formerKey = `outlook:${demoIds.luciaObjectId}/2026-11-10T09:00:00.000Z`;
    const before = await logMeeting({ ...logBody(event, '2026-11-10T09:00:00.000Z', '2026-11-10T10:00:00.000Z'), eventId: undefined, formerKey: undefined, iCalUId: formerKey });
    const now = await logMeeting(logBody(event, '2026-11-10T09:00:00.000Z', '2026-11-10T10:00:00.000Z'));
    await moveMeeting(event.id ?? '', '2026-11-20T10:00:00', '2026-11-20T11:00:00');
    const afterMove = await logMeeting(logBody(event, '2026-11-20T09:00:00.000Z', '2026-11-20T10:00:00.000Z'));

    expect(before.status).toBe(201);
    expect(now).toMatchObject({ status: 200, alreadyLogged: true, action: { id: before.action.id } });
    expect(afterMove).toMatchObject({ status: 200, alreadyLogged: true, action: { id: before.action.id } });
    expect(await actionsWithSubject('Visita a almacén de Zaragoza')).toHaveLength(1);
  });

  it('logs a meeting Outlook marks private or confidential as a private action, unless the user says otherwise', async () => {
    const confidential = await createMeeting('Negociación de tarifas 2027', { sensitivity: 'confidential' });
    const privateOne = await createMeeting('Comida con dirección', { sensitivity: 'private' });
    const status = await bridge.request(`/api/log/meeting?eventId=${encodeURIComponent(confidential.id ?? '')}`, { token: bridge.tokens.lucia });

    const loggedPrivate = await logMeeting(logBody(confidential, '2026-11-10T09:00:00.000Z', '2026-11-10T10:00:00.000Z', { formerKey: undefined }));
    const loggedShared = await logMeeting(logBody(privateOne, '2026-11-10T09:00:00.000Z', '2026-11-10T10:00:00.000Z', { formerKey: undefined, private: false }));

    expect(await status.json()).toEqual({ logged: false, markedPrivate: true });
    expect(loggedPrivate.action.private).toBe(true);
    expect(loggedShared.action.private).toBe(false);
  });

  it('keeps an all-day meeting all-day, on its dates in the zone it is logged in', async () => {
    const event = await createMeeting('Feria de logística', {
      isAllDay: true,
      start: { dateTime: '2026-11-16T00:00:00', timeZone: 'Romance Standard Time' },
      end: { dateTime: '2026-11-18T00:00:00', timeZone: 'Romance Standard Time' },
    });
    // Office.js gives the mailbox's midnights as instants; the bridge takes the dates from Graph.
    const logged = await logMeeting(logBody(event, '2026-11-15T23:00:00.000Z', '2026-11-17T23:00:00.000Z', { allDay: false, formerKey: undefined }));

    expect(logged.action).toMatchObject({ allDay: true, start: '2026-11-15T23:00:00.000Z', end: '2026-11-17T23:00:00.000Z', timeZone: 'Europe/Madrid' });
  });

  it('keeps the key the add-in gave when the mailbox has no such event', async () => {
    const body = {
      eventId: 'AAMkAGI2TG93AAA=', formerKey: 'outlook:organizer@client.example/2026-11-25T09:00:00.000Z', subject: 'Reunión en calendario compartido',
      start: '2026-11-25T09:00:00.000Z', end: '2026-11-25T10:00:00.000Z', timeZone: 'Europe/Madrid', attendees: [{ email: anaGarcia.email }], bodyText: '',
    };
    const first = await logMeeting(body);
    const again = await logMeeting(body);

    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 200, action: { id: first.action.id } });
  });

  it('reads an event id in the caller’s own mailbox only: a colleague asking about Lucía’s event learns nothing of it', async () => {
    const event = await createMeeting('Revisión de contrato confidencial', { sensitivity: 'confidential' });
    const asked = await bridge.request(`/api/log/meeting?eventId=${encodeURIComponent(event.id ?? '')}&formerKey=${encodeURIComponent('outlook:x@y.z/2026-01-01T00:00:00.000Z')}`, { token: bridge.tokens.inigo });

    expect(asked.status).toBe(200);
    expect(await asked.json()).toEqual({ logged: false });
  });

  it('logs by the add-in’s key, as before, when Graph refuses the user (no consent)', async () => {
    const event = await createMeeting('Reunión sin consentimiento');
    const { clientForRequest } = bridge.graphAccess;
    bridge.graphAccess.clientForRequest = (...args) => {
      const client = clientForRequest(...args);
      return { ...client, request: () => Promise.reject(new SyncError('forbidden', 'consent is missing', { status: 403 })) };
    };
    try {
      const body = logBody(event, '2026-11-27T09:00:00.000Z', '2026-11-27T10:00:00.000Z');
      const first = await logMeeting(body);
      const again = await logMeeting(body);

      expect(first.status).toBe(201);
      expect(again).toMatchObject({ status: 200, action: { id: first.action.id } });
      expect(await bridge.store.loggedItems.get('contoso', `meeting:${body.formerKey}`)).toMatchObject({ erpActionId: first.action.id });
    } finally {
      bridge.graphAccess.clientForRequest = clientForRequest;
    }
  });

  it('refuses a meeting named neither by event id nor by key, and an event id that is not one', async () => {
    const unnamed = await bridge.request('/api/log/meeting', { method: 'POST', token: bridge.tokens.lucia, body: { subject: 'x', start: '2026-11-25T09:00:00Z', end: '2026-11-25T10:00:00Z' } });
    const malformed = await bridge.request('/api/log/meeting?eventId=..%2F..%2Fmessages', { token: bridge.tokens.lucia });

    expect(unnamed.status).toBe(400);
    expect(malformed.status).toBe(400);
  });
});
