import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Calendar, type Collection, type EventJson, type GraphErrorBody, isRemoved, type RemovedEntry } from './support/graph-json';
import { type GraphAnswer, startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
beforeEach(async () => {
  graph = await startTestGraph();
});
afterEach(() => graph.close());

type DeltaPage = Collection<EventJson | RemovedEntry>;

const june = 'startDateTime=2025-06-01T00:00:00&endDateTime=2025-07-01T00:00:00';
const maxPageSize = (size: number) => ({ prefer: `odata.maxpagesize=${size}` });

async function createEvent(subject: string, day: string, path = '/me/events'): Promise<EventJson> {
  const answer = await graph.call<EventJson>(path, {
    token: graph.anaSyncToken,
    method: 'POST',
    body: { subject, start: { dateTime: `${day}T09:00:00`, timeZone: 'UTC' }, end: { dateTime: `${day}T10:00:00`, timeZone: 'UTC' } },
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

const call = <Body>(path: string, headers: Record<string, string> = {}) => graph.call<Body>(path, { token: graph.anaSyncToken, headers });

/** Follows nextLinks to the end of a round; returns the pages and the round's deltaLink. */
async function readRound(firstLink: string, headers: Record<string, string> = {}) {
  const pages: GraphAnswer<DeltaPage>[] = [];
  let link: string | undefined = firstLink;
  while (link) {
    const page: GraphAnswer<DeltaPage> = await call<DeltaPage>(link, headers);
    expect(page.status).toBe(200);
    pages.push(page);
    link = page.body['@odata.nextLink'];
  }
  return { pages, deltaLink: pages.at(-1)?.body['@odata.deltaLink'] ?? '', items: pages.flatMap((page) => page.body.value) };
}

const subjects = (items: readonly (EventJson | RemovedEntry)[]) => items.flatMap((item) => (isRemoved(item) ? [] : [item.subject]));

describe('calendarView', () => {
  it('answers 400 ErrorInvalidParameter without the time window, as Graph does', async () => {
    const list = await call<GraphErrorBody>('/me/calendarView');
    const delta = await call<GraphErrorBody>('/me/calendarView/delta?startDateTime=2025-06-01T00:00:00');

    for (const answer of [list, delta]) {
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: 'ErrorInvalidParameter',
        message: 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      });
    }
  });

  it('lists the events of the primary calendar that overlap the window, earliest first', async () => {
    await createEvent('Late June', '2025-06-20');
    await createEvent('May', '2025-05-20');
    await createEvent('Early June', '2025-06-02');

    const view = await call<Collection<EventJson>>(`/me/calendarView?${june}`);

    expect(view.body.value.map((event) => event.subject)).toEqual(['Early June', 'Late June']);
  });

  it('reads a window with an offset as written, and one without as UTC', async () => {
    await createEvent('Nine UTC', '2025-06-02');

    const withOffset = await call<Collection<EventJson>>(`/me/calendarView?startDateTime=${encodeURIComponent('2025-06-02T10:30:00+02:00')}&endDateTime=${encodeURIComponent('2025-06-02T11:30:00+02:00')}`);
    const withoutOffset = await call<Collection<EventJson>>('/me/calendarView?startDateTime=2025-06-02T10:30:00&endDateTime=2025-06-02T11:30:00');

    expect(withOffset.body.value.map((event) => event.subject)).toEqual(['Nine UTC']);
    expect(withoutOffset.body.value).toEqual([]);
  });
});

describe('calendarView delta of the primary calendar', () => {
  it('returns the initial round in pages of odata.maxpagesize, then a deltaLink that needs no window', async () => {
    for (let day = 1; day <= 5; day += 1) await createEvent(`Visit ${day}`, `2025-06-0${day}`);
    await createEvent('Outside', '2025-08-01');

    const round = await readRound(`/me/calendarView/delta?${june}`, maxPageSize(2));

    expect(round.pages.map((page) => page.body.value.length)).toEqual([2, 2, 1]);
    expect(round.pages[0]?.headers.get('preference-applied')).toBe('odata.maxpagesize=2');
    expect(round.pages[0]?.body['@odata.nextLink']).toMatch(/\/me\/calendarView\/delta\?\$skiptoken=\S+$/);
    expect(round.deltaLink).toMatch(/\/me\/calendarView\/delta\?\$deltatoken=\S+$/);
    expect(subjects(round.items)).toEqual(['Visit 1', 'Visit 2', 'Visit 3', 'Visit 4', 'Visit 5']);
  });

  it('returns only the changes since the deltaLink, an event deleted in the window as @removed', async () => {
    const kept = await createEvent('Kept', '2025-06-02');
    const deleted = await createEvent('Deleted', '2025-06-03');
    const initial = await readRound(`/me/calendarView/delta?${june}`);
    await graph.call(`/me/events/${kept.id}`, { token: graph.anaSyncToken, method: 'PATCH', body: { subject: 'Kept, renamed' } });
    await graph.call(`/me/events/${deleted.id}`, { token: graph.anaSyncToken, method: 'DELETE' });
    await createEvent('New', '2025-06-04');

    const next = await readRound(initial.deltaLink);
    const quiet = await readRound(next.deltaLink);

    expect(subjects(next.items).sort()).toEqual(['Kept, renamed', 'New']);
    expect(next.items.filter(isRemoved)).toEqual([{ '@odata.type': '#microsoft.graph.event', id: deleted.id, '@removed': { reason: 'deleted' } }]);
    expect(quiet.items).toEqual([]);
  });

  it('reports events moved out of the window, or created outside it, as @removed deleted', async () => {
    const moved = await createEvent('Moved out', '2025-06-10');
    const initial = await readRound(`/me/calendarView/delta?${june}`);
    await graph.call(`/me/events/${moved.id}`, {
      token: graph.anaSyncToken,
      method: 'PATCH',
      body: { start: { dateTime: '2025-08-10T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2025-08-10T10:00:00', timeZone: 'UTC' } },
    });
    const outside = await createEvent('Created outside', '2025-09-01');

    const next = await readRound(initial.deltaLink);

    expect(next.items.every(isRemoved)).toBe(true);
    expect(next.items.map((item) => item.id).sort()).toEqual([moved.id, outside.id].sort());
  });

  it('does not track events of other calendars, which need another change source in v1.0', async () => {
    const { body: calendar } = await graph.call<Calendar>('/me/calendars', { token: graph.anaSyncToken, method: 'POST', body: { name: 'ERP' } });
    const initial = await readRound(`/me/calendarView/delta?${june}`);
    await createEvent('Elsewhere', '2025-06-05', `/me/calendars/${calendar.id}/events`);

    const next = await readRound(initial.deltaLink);
    const otherCalendarDelta = await call<GraphErrorBody>(`/me/calendars/${calendar.id}/calendarView/delta?${june}`);

    expect(next.items).toEqual([]);
    expect(otherCalendarDelta.status).toBe(400);
  });

  it('replays a page when the same nextLink is read twice, without skipping or changing it', async () => {
    for (let day = 1; day <= 3; day += 1) await createEvent(`Visit ${day}`, `2025-06-0${day}`);
    const first = await call<DeltaPage>(`/me/calendarView/delta?${june}`, maxPageSize(2));
    const nextLink = first.body['@odata.nextLink'] ?? '';

    const once = await call<DeltaPage>(nextLink, maxPageSize(2));
    const twice = await call<DeltaPage>(nextLink, maxPageSize(2));

    expect(subjects(twice.body.value)).toEqual(subjects(once.body.value));
    expect(twice.body['@odata.deltaLink']).toBe(once.body['@odata.deltaLink']);
  });

  it('writes the times of delta items in the zone of Prefer: outlook.timezone', async () => {
    await createEvent('Zoned', '2025-06-02');

    const round = await readRound(`/me/calendarView/delta?${june}`, { prefer: 'outlook.timezone="Romance Standard Time"' });

    const [event] = round.items;
    expect(event && !isRemoved(event) ? event.start : undefined).toEqual({ dateTime: '2025-06-02T11:00:00.0000000', timeZone: 'Romance Standard Time' });
  });

  it('answers an expired deltaLink with 410 syncStateNotFound and the initial URL, window included, in Location', async () => {
    await createEvent('Visit', '2025-06-02');
    const initial = await readRound(`/me/calendarView/delta?${june}`);
    graph.emulator.admin.expireDeltaTokens();

    const expired = await call<GraphErrorBody>(initial.deltaLink);
    const withWindow = await call<GraphErrorBody>(`/me/calendarView/delta?${june}&$deltatoken=unknown`);
    const restarted = await readRound(expired.headers.get('location') ?? '');

    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('syncStateNotFound');
    expect(expired.headers.get('location')).toMatch(/\/me\/calendarView\/delta\?startDateTime=2025-06-01T00%3A00%3A00&endDateTime=2025-07-01T00%3A00%3A00&\$deltatoken=$/);
    expect(subjects(restarted.items)).toEqual(['Visit']);
    expect(withWindow.headers.get('location')).toContain('startDateTime=2025-06-01T00%3A00%3A00&endDateTime=2025-07-01T00%3A00%3A00&$deltatoken=');
  });

  it('refuses the query options the reference page rules out, such as $select', async () => {
    const answer = await call<GraphErrorBody>(`/me/calendarView/delta?${june}&$select=subject`);

    expect(answer.status).toBe(400);
  });
});
