import { Hono, type Context } from 'hono';
import { type CalendarRecord, type CalendarViewWindow, eventOverlaps } from '../calendar-record';
import { compileEventFilter } from '../compile-event-filter';
import type { GraphEnv } from '../graph-env';
import { GraphError } from '../graph-error';
import { deltaPageSize, listPageSize, type PagingConfig } from '../graph-paging';
import { mailboxContext, sendGraphJson, serviceRoot } from '../graph-response';
import { parseCalendarViewWindow } from '../parse-calendar-view-window';
import { parseODataFilter } from '../parse-odata-filter';
import { parsePreferHeader } from '../parse-prefer-header';
import { deltaTokenOf, readDeltaRoundPage } from '../read-delta-round-page';
import { readQueryOptions } from '../read-query-options';
import { renderEvent } from '../render-event';
import { withQueryOption } from '../with-query-option';
import { eventRenderOptions } from './event-render-options';

const byStart = <Item extends { start: { epochMs: number } }>(left: Item, right: Item) => left.start.epochMs - right.start.epochMs;

function listCalendarView(c: Context<GraphEnv>, calendar: CalendarRecord, contextPath: string, paging: PagingConfig): Response {
  const url = new URL(c.req.url);
  const window = parseCalendarViewWindow(url);
  const query = readQueryOptions(url, ['$top', '$skip', '$select', '$filter']);
  const { render, send } = eventRenderOptions(c, query);
  const matches = query.filter === undefined ? () => true : compileEventFilter(parseODataFilter(query.filter));
  const events = c
    .get('mailbox')
    .calendar.eventsIn(calendar.id)
    .filter((event) => eventOverlaps(event, window) && matches(event))
    .sort(byStart);
  const top = listPageSize(query.top, paging);
  const skip = query.skip ?? 0;
  return sendGraphJson(
    c,
    {
      '@odata.context': mailboxContext(c, contextPath),
      ...(skip + top < events.length ? { '@odata.nextLink': withQueryOption(url, '$skip', String(skip + top)) } : {}),
      value: events.slice(skip, skip + top).map((event) => renderEvent(event, render)),
    },
    send,
  );
}

/**
 * The initial URL of a round, for `Location` on 410: with the window of the (expired) token, or
 * the one the request names; without a window when neither is known.
 */
function resetLocation(url: URL, tokenWindow: CalendarViewWindow | undefined): string {
  const base = `${url.origin}${url.pathname}`;
  let window = tokenWindow;
  try {
    window ??= parseCalendarViewWindow(url);
  } catch {
    return `${base}?$deltatoken=`;
  }
  return `${base}?startDateTime=${encodeURIComponent(window.startDateTime)}&endDateTime=${encodeURIComponent(window.endDateTime)}&$deltatoken=`;
}

/**
 * `GET /calendarView/delta`: the primary calendar only, as in v1.0. The window is required on
 * the first request and carried by the tokens after it. Later rounds write `@removed` (reason
 * `deleted`) for events deleted in the window and for events changed or deleted outside it.
 */
function calendarViewDelta(c: Context<GraphEnv>, paging: PagingConfig): Response {
  const url = new URL(c.req.url);
  const query = readQueryOptions(url, ['$skiptoken', '$deltatoken']);
  const store = c.get('mailbox').calendar;
  const calendarId = store.primaryCalendarId;
  const { pageSize, requested } = deltaPageSize(parsePreferHeader(c.req.header('prefer')), paging);
  const token = deltaTokenOf(query);
  const inView = (window: CalendarViewWindow) => (eventId: string) => {
    const event = store.event(eventId);
    return event !== undefined && event.calendarId === calendarId && eventOverlaps(event, window) ? event : undefined;
  };
  const page = readDeltaRoundPage(
    {
      tokens: store.deltaTokens,
      mintToken: () => c.get('mailbox').ids.deltaToken(),
      sequence: c.get('mailbox').sequence,
      present: (window) =>
        store
          .eventsIn(calendarId)
          .filter((event) => eventOverlaps(event, window))
          .sort(byStart)
          .map((event) => ({ sequence: c.get('mailbox').sequence, itemKey: event.id, restId: event.id })),
      changedBetween: (_window, since, until) => store.changeLog.changedBetween(calendarId, since, until),
    },
    {
      scope: calendarId,
      token,
      startOptions: () => parseCalendarViewWindow(url),
      pageSize,
      resetLocation: resetLocation(url, token ? store.windowOfToken(token.value) : undefined),
    },
  );
  store.rememberWindow(page.link.kind === 'next' ? page.link.skipToken : page.link.deltaToken, page.options);

  const { render, send } = eventRenderOptions(c);
  const find = inView(page.options);
  const value = page.changes.flatMap((change) => {
    const event = find(change.itemKey);
    // Delta items name their type, as in the reference example (delta-query-events).
    if (event) return [{ '@odata.type': '#microsoft.graph.event', ...renderEvent(event, render) }];
    return page.initial ? [] : [{ '@odata.type': '#microsoft.graph.event', id: change.restId, '@removed': { reason: 'deleted' } }];
  });
  const base = `${url.origin}${url.pathname}`;
  const link =
    page.link.kind === 'next'
      ? { '@odata.nextLink': `${base}?$skiptoken=${page.link.skipToken}` }
      : { '@odata.deltaLink': `${base}?$deltatoken=${page.link.deltaToken}` };
  return sendGraphJson(c, { '@odata.context': `${serviceRoot(c)}/$metadata#Collection(event)`, ...link, value }, { ...send, appliedPageSize: requested ? pageSize : undefined });
}

const betaOnly = () => {
  throw new GraphError(400, 'BadRequest', 'In v1.0, calendarView delta covers the primary calendar only: use /calendarView/delta. Other calendars are beta.');
};

/** `calendarView` of the primary calendar (`/calendarView`, `/calendar/calendarView`) or of any calendar, and its v1.0 delta. */
export function createCalendarViewRoutes(paging: PagingConfig): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  routes.get('/calendarView/delta', (c) => calendarViewDelta(c, paging));
  routes.get('/calendar/calendarView/delta', betaOnly);
  routes.get('/calendars/:calendarId/calendarView/delta', betaOnly);
  const primary = (c: Context<GraphEnv>) => c.get('mailbox').calendar.requireCalendar(c.get('mailbox').calendar.primaryCalendarId);
  routes.get('/calendarView', (c) => listCalendarView(c, primary(c), 'calendarView', paging));
  routes.get('/calendar/calendarView', (c) => listCalendarView(c, primary(c), 'calendar/calendarView', paging));
  routes.get('/calendars/:calendarId/calendarView', (c) => {
    const calendar = c.get('mailbox').calendar.requireCalendar(c.req.param('calendarId'));
    return listCalendarView(c, calendar, `calendars('${calendar.id}')/calendarView`, paging);
  });
  return routes;
}
