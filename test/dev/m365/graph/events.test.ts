import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Calendar, Collection, EventJson, GraphErrorBody } from './support/graph-json';
import { type CallOptions, contoso, type GraphAnswer, startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
beforeEach(async () => {
  graph = await startTestGraph();
});
afterEach(() => graph.close());

const erpId = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name ErpId';

/** Ana with the bridge's scopes unless the options name another token. */
const call = <Body>(path: string, options: CallOptions = {}): Promise<GraphAnswer<Body>> =>
  graph.call<Body>(path, { token: graph.anaSyncToken, ...options });

const visit = {
  subject: 'Visit Acme',
  body: { contentType: 'text', content: 'Bring the new price list' },
  start: { dateTime: '2025-06-02T09:00:00', timeZone: 'UTC' },
  end: { dateTime: '2025-06-02T10:30:00', timeZone: 'UTC' },
  categories: ['ERP'],
  singleValueExtendedProperties: [{ id: erpId, value: 'acme:A-1' }],
};

describe('calendars', () => {
  it('lists the primary calendar, creates another one and refuses a second calendar of the same name', async () => {
    const created = await call<Calendar>('/me/calendars', { method: 'POST', body: { name: 'ERP visits' } });
    const duplicate = await call<GraphErrorBody>('/me/calendars', { method: 'POST', body: { name: 'erp VISITS' } });
    const listed = await call<Collection<Calendar>>('/me/calendars');

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'ERP visits', isDefaultCalendar: false, canEdit: true, owner: { address: contoso.ana.userPrincipalName } });
    expect(duplicate.status).toBe(409);
    expect(listed.body.value.map((calendar) => [calendar.name, calendar.isDefaultCalendar])).toEqual([
      ['Calendar', true],
      ['ERP visits', false],
    ]);
  });

  it('reads the primary calendar at /calendar and finds a calendar by name with $filter', async () => {
    await call('/me/calendars', { method: 'POST', body: { name: 'ERP' } });

    const primary = await call<Calendar>('/me/calendar');
    const found = await call<Collection<Calendar>>(`/me/calendars?$filter=name eq 'ERP'`);

    expect(primary.body).toMatchObject({ name: 'Calendar', isDefaultCalendar: true, isRemovable: false });
    expect(found.body.value.map((calendar) => calendar.name)).toEqual(['ERP']);
  });
});

describe('events', () => {
  it('creates an event in the primary calendar and answers 201 with the whole event', async () => {
    const created = await call<EventJson>('/me/events', { method: 'POST', body: visit });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      subject: 'Visit Acme',
      bodyPreview: 'Bring the new price list',
      body: { contentType: 'html', content: expect.stringContaining('Bring the new price list') },
      start: { dateTime: '2025-06-02T09:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2025-06-02T10:30:00.0000000', timeZone: 'UTC' },
      originalStartTimeZone: 'UTC',
      categories: ['ERP'],
      isAllDay: false,
      showAs: 'busy',
      sensitivity: 'normal',
      type: 'singleInstance',
      isOrganizer: true,
      attendees: [],
      organizer: { emailAddress: { address: contoso.ana.userPrincipalName, name: 'Ana Alves' } },
    });
    expect(created.body['@odata.etag']).toBe(`W/"${created.body.changeKey}"`);
    expect(created.body.iCalUId).toMatch(/^040000008200E00074C5B7101A82E008[0-9A-F]+$/);
    expect(created.body['@odata.context']).toContain(`/$metadata#users('${contoso.ana.id}')/events/$entity`);
    expect(created.body.singleValueExtendedProperties).toBeUndefined();
  });

  it('creates an event in a named calendar, reachable from /events/{id} but not from another calendar', async () => {
    const { body: calendar } = await call<Calendar>('/me/calendars', { method: 'POST', body: { name: 'ERP' } });
    const { body: created } = await call<EventJson>(`/me/calendars/${calendar.id}/events`, { method: 'POST', body: visit });

    const direct = await call<EventJson>(`/me/events/${created.id}`);
    const inPrimary = await call<GraphErrorBody>(`/me/calendar/events/${created.id}`);
    const listedPrimary = await call<Collection<EventJson>>('/me/events');
    const listedNamed = await call<Collection<EventJson>>(`/users/${contoso.ana.id}/calendars/${calendar.id}/events`);

    expect(direct.body.subject).toBe('Visit Acme');
    expect(inPrimary.status).toBe(404);
    expect(listedPrimary.body.value).toEqual([]);
    expect(listedNamed.body.value.map((event) => event.id)).toEqual([created.id]);
  });

  it('stores attendees without inviting anyone, and keeps a private event private', async () => {
    const created = await call<EventJson>('/me/events', {
      method: 'POST',
      body: {
        ...visit,
        sensitivity: 'Private',
        showAs: 'oof',
        attendees: [{ emailAddress: { address: 'buyer@acme.test', name: 'Buyer' }, type: 'Required' }],
      },
    });

    expect(created.body).toMatchObject({
      sensitivity: 'private',
      showAs: 'oof',
      attendees: [{ type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { address: 'buyer@acme.test', name: 'Buyer' } }],
    });
  });

  it('changes changeKey and etag on every PATCH, and refuses a stale If-Match with 412', async () => {
    const { body: created } = await call<EventJson>('/me/events', { method: 'POST', body: visit });

    const moved = await call<EventJson>(`/me/events/${created.id}`, {
      method: 'PATCH',
      body: { start: { dateTime: '2025-06-02T11:00:00', timeZone: 'UTC' }, end: { dateTime: '2025-06-02T12:00:00', timeZone: 'UTC' } },
    });
    const stale = await call<GraphErrorBody>(`/me/events/${created.id}`, {
      method: 'PATCH',
      body: { subject: 'Lost update' },
      headers: { 'if-match': created['@odata.etag'] ?? '' },
    });

    expect(moved.body.start?.dateTime).toBe('2025-06-02T11:00:00.0000000');
    expect(moved.body.subject).toBe('Visit Acme');
    expect(moved.body.changeKey).not.toBe(created.changeKey);
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('ErrorIrresolvableConflict');
  });

  it('refuses an end before the start, and a time zone Exchange does not know', async () => {
    const backwards = await call<GraphErrorBody>('/me/events', {
      method: 'POST',
      body: { ...visit, end: { dateTime: '2025-06-02T08:00:00', timeZone: 'UTC' } },
    });
    const unknownZone = await call<GraphErrorBody>('/me/events', {
      method: 'POST',
      body: { ...visit, start: { dateTime: '2025-06-02T09:00:00', timeZone: 'Mars/Olympus_Mons' } },
    });

    expect(backwards.status).toBe(400);
    expect(unknownZone.status).toBe(400);
    expect(unknownZone.body.error.code).toBe('TimeZoneNotSupportedException');
  });

  it('keeps an all-day event on its dates in any requested zone, and refuses one that does not start at midnight', async () => {
    const { body: created } = await call<EventJson>('/me/events', {
      method: 'POST',
      body: {
        subject: 'Trade fair',
        isAllDay: true,
        start: { dateTime: '2025-06-03T00:00:00', timeZone: 'Romance Standard Time' },
        end: { dateTime: '2025-06-05T00:00:00', timeZone: 'Romance Standard Time' },
      },
    });
    const inTokyo = await call<EventJson>(`/me/events/${created.id}`, { headers: { prefer: 'outlook.timezone="Asia/Tokyo"' } });
    const notMidnight = await call<GraphErrorBody>('/me/events', {
      method: 'POST',
      body: { isAllDay: true, start: { dateTime: '2025-06-03T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2025-06-04T09:00:00', timeZone: 'UTC' } },
    });

    expect(created.isAllDay).toBe(true);
    expect(inTokyo.body.start).toEqual({ dateTime: '2025-06-03T00:00:00.0000000', timeZone: 'Asia/Tokyo' });
    expect(inTokyo.body.end).toEqual({ dateTime: '2025-06-05T00:00:00.0000000', timeZone: 'Asia/Tokyo' });
    expect(notMidnight.status).toBe(400);
  });

  it('answers the body as text with Prefer: outlook.body-content-type="text", and echoes the preference', async () => {
    const { body: created } = await call<EventJson>('/me/events', { method: 'POST', body: { ...visit, body: { contentType: 'HTML', content: '<p>Bring <b>prices</b> &amp; samples</p>' } } });

    const asText = await call<EventJson>(`/me/events/${created.id}`, { headers: { prefer: 'outlook.body-content-type="text"' } });

    expect(created.body).toEqual({ contentType: 'html', content: '<html><head></head><body><p>Bring <b>prices</b> &amp; samples</p></body></html>' });
    expect(asText.body.body).toEqual({ contentType: 'text', content: 'Bring prices & samples' });
    expect(asText.headers.get('preference-applied')).toBe('outlook.body-content-type="text"');
  });

  it('deletes an event with 204, after which it is not found', async () => {
    const { body: created } = await call<EventJson>('/me/events', { method: 'POST', body: visit });

    const deleted = await call(`/me/events/${created.id}`, { method: 'DELETE' });
    const again = await call<GraphErrorBody>(`/me/events/${created.id}`);

    expect(deleted.status).toBe(204);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('ErrorItemNotFound');
  });
});

describe('transactionId on events', () => {
  it('answers a retried create that names the same transactionId with the first event, making no second one', async () => {
    const retried = { ...visit, transactionId: 'acme:A-1:3' };

    const first = await call<EventJson>('/me/events', { method: 'POST', body: retried });
    const again = await call<EventJson>('/me/events', { method: 'POST', body: retried });
    const other = await call<EventJson>('/me/events', { method: 'POST', body: { ...visit, transactionId: 'acme:A-1:4' } });
    const listed = await call<Collection<EventJson>>('/me/events');

    expect(first.status).toBe(201);
    expect(again.body).toMatchObject({ id: first.body.id, transactionId: 'acme:A-1:3' });
    expect(other.body.id).not.toBe(first.body.id);
    expect(listed.body.value.map((event) => event.transactionId).toSorted()).toEqual(['acme:A-1:3', 'acme:A-1:4']);
  });

  it('refuses a PATCH that changes the transactionId, which is set once at creation', async () => {
    const created = await call<EventJson>('/me/events', { method: 'POST', body: { ...visit, transactionId: 'acme:A-1:3' } });

    const changed = await call<GraphErrorBody>(`/me/events/${created.body.id ?? ''}`, { method: 'PATCH', body: { transactionId: 'other' } });
    const kept = await call<EventJson>(`/me/events/${created.body.id ?? ''}`, { method: 'PATCH', body: { transactionId: 'acme:A-1:3', subject: 'Visit Acme (moved)' } });

    expect(changed.status).toBe(400);
    expect(kept.body).toMatchObject({ subject: 'Visit Acme (moved)', transactionId: 'acme:A-1:3' });
  });
});

describe('extended properties and categories on events', () => {
  it('writes the ERP id only when $expand names it, and finds the event by it with $filter', async () => {
    const { body: created } = await call<EventJson>('/me/events', { method: 'POST', body: visit });
    await call('/me/events', { method: 'POST', body: { ...visit, singleValueExtendedProperties: [{ id: erpId, value: 'acme:A-2' }] } });
    const filter = encodeURIComponent(`singleValueExtendedProperties/any(ep: ep/id eq '${erpId}' and ep/value eq 'acme:A-1')`);
    const expand = encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${erpId}')`);

    const found = await call<Collection<EventJson>>(`/me/events?$filter=${filter}&$expand=${expand}`);

    expect(found.body.value.map((event) => event.id)).toEqual([created.id]);
    expect(found.body.value[0]?.singleValueExtendedProperties).toEqual([{ id: erpId, value: 'acme:A-1' }]);
  });

  it("finds a user's own events tagged ERP with categories/any", async () => {
    await call('/me/events', { method: 'POST', body: { ...visit, subject: 'Tagged', categories: ['Customer', 'ERP'] } });
    await call('/me/events', { method: 'POST', body: { ...visit, subject: 'Untagged', categories: [] } });

    const found = await call<Collection<EventJson>>(`/me/events?$filter=${encodeURIComponent("categories/any(c: c eq 'erp')")}`);

    expect(found.body.value.map((event) => event.subject)).toEqual(['Tagged']);
  });
});

describe('calendar permissions', () => {
  it('answers 403 ErrorAccessDenied to a delegated token without a Calendars scope', async () => {
    const answer = await graph.call<GraphErrorBody>('/me/events', { token: graph.anaToken });

    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({ code: 'ErrorAccessDenied', innerError: { 'request-id': expect.any(String) } });
  });

  it('lets Calendars.Read list events but not create one', async () => {
    const token = await graph.tokens.delegated({ tenantId: contoso.tenantId, userId: contoso.ana.id, scopes: ['Calendars.Read'] });

    const listed = await graph.call('/me/events', { token });
    const created = await graph.call<GraphErrorBody>('/me/events', { token, method: 'POST', body: visit });

    expect(listed.status).toBe(200);
    expect(created.status).toBe(403);
  });

  it("lets an app with the Calendars.ReadWrite role write to any mailbox of its tenant, not another user's with a delegated token", async () => {
    const asApp = await graph.call<EventJson>(`/users/${contoso.ben.userPrincipalName}/events`, { token: graph.appSyncToken, method: 'POST', body: visit });
    const asAna = await call<GraphErrorBody>(`/users/${contoso.ben.id}/events`);

    expect(asApp.status).toBe(201);
    expect(asApp.body.organizer?.emailAddress?.address).toBe(contoso.ben.userPrincipalName);
    expect(asAna.status).toBe(403);
  });
});
