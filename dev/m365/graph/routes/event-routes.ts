import { Hono, type Context } from 'hono';
import { assertIfMatch } from '../assert-if-match';
import type { CalendarRecord, EventRecord } from '../calendar-record';
import { compileEventFilter } from '../compile-event-filter';
import type { GraphEnv } from '../graph-env';
import { GraphError, itemNotFound } from '../graph-error';
import { listPageSize, type PagingConfig } from '../graph-paging';
import { mailboxContext, sendGraphJson } from '../graph-response';
import { parseEventInput } from '../parse-event-input';
import { parseODataFilter } from '../parse-odata-filter';
import { readJsonBody } from '../read-json-body';
import { readQueryOptions } from '../read-query-options';
import { renderEvent } from '../render-event';
import { withQueryOption } from '../with-query-option';
import { eventRenderOptions } from './event-render-options';

/** Where an event collection lives: `/events` and `/calendar/events` are the primary calendar. */
interface EventScope {
  path: string;
  calendar: (c: Context<GraphEnv>) => CalendarRecord;
  /** `/events/{id}` reaches an event in any calendar; a calendar's path only its own. */
  anyCalendar: boolean;
  context: (c: Context<GraphEnv>, calendar: CalendarRecord) => string;
}

const primaryCalendar = (c: Context<GraphEnv>) => {
  const store = c.get('mailbox').calendar;
  return store.requireCalendar(store.primaryCalendarId);
};

const scopes: readonly EventScope[] = [
  { path: '/events', calendar: primaryCalendar, anyCalendar: true, context: (c) => mailboxContext(c, 'events') },
  { path: '/calendar/events', calendar: primaryCalendar, anyCalendar: false, context: (c) => mailboxContext(c, 'calendar/events') },
  {
    path: '/calendars/:calendarId/events',
    calendar: (c) => c.get('mailbox').calendar.requireCalendar(c.req.param('calendarId') ?? ''),
    anyCalendar: false,
    context: (c, calendar) => mailboxContext(c, `calendars('${calendar.id}')/events`),
  },
];

function findEvent(c: Context<GraphEnv>, scope: EventScope): EventRecord {
  const event = c.get('mailbox').calendar.event(c.req.param('eventId') ?? '');
  if (!event || (!scope.anyCalendar && event.calendarId !== scope.calendar(c).id)) throw itemNotFound();
  return event;
}

function listEvents(c: Context<GraphEnv>, scope: EventScope, paging: PagingConfig): Response {
  const url = new URL(c.req.url);
  const query = readQueryOptions(url, ['$top', '$skip', '$select', '$filter', '$expand']);
  const { render, send } = eventRenderOptions(c, query);
  const matches = query.filter === undefined ? () => true : compileEventFilter(parseODataFilter(query.filter));
  const calendar = scope.calendar(c);
  const events = c.get('mailbox').calendar.eventsIn(calendar.id).filter(matches);
  const top = listPageSize(query.top, paging);
  const skip = query.skip ?? 0;
  return sendGraphJson(
    c,
    {
      '@odata.context': scope.context(c, calendar),
      ...(skip + top < events.length ? { '@odata.nextLink': withQueryOption(url, '$skip', String(skip + top)) } : {}),
      value: events.slice(skip, skip + top).map((event) => renderEvent(event, render)),
    },
    send,
  );
}

/**
 * Events: list (`$top`, `$skip`, `$select`, `$filter`, `$expand` of extended properties), create,
 * get, PATCH (with `If-Match`) and DELETE, in the primary calendar or a named one. Times follow
 * `Prefer: outlook.timezone`. Attendees are stored, never invited.
 */
export function createEventRoutes(paging: PagingConfig): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  routes.get('/events/delta', () => {
    throw new GraphError(400, 'BadRequest', 'In v1.0, event delta is a function of the calendar view: use /calendarView/delta?startDateTime=…&endDateTime=….');
  });

  for (const scope of scopes) {
    const entityContext = (c: Context<GraphEnv>) => mailboxContext(c, 'events/$entity');
    routes.get(scope.path, (c) => listEvents(c, scope, paging));

    routes.post(scope.path, async (c) => {
      const input = parseEventInput(await readJsonBody(c));
      const event = c.get('mailbox').calendar.createEvent(scope.calendar(c).id, input);
      const { render, send } = eventRenderOptions(c);
      return sendGraphJson(c, renderEvent(event, { ...render, context: entityContext(c) }), { ...send, status: 201 });
    });

    routes.get(`${scope.path}/:eventId`, (c) => {
      const query = readQueryOptions(new URL(c.req.url), ['$select', '$expand']);
      const { render, send } = eventRenderOptions(c, query);
      return sendGraphJson(c, renderEvent(findEvent(c, scope), { ...render, context: entityContext(c) }), send);
    });

    routes.patch(`${scope.path}/:eventId`, async (c) => {
      const event = findEvent(c, scope);
      const input = parseEventInput(await readJsonBody(c));
      assertIfMatch(c, event);
      const updated = c.get('mailbox').calendar.updateEvent(event, input);
      const { render, send } = eventRenderOptions(c);
      return sendGraphJson(c, renderEvent(updated, { ...render, context: entityContext(c) }), send);
    });

    routes.delete(`${scope.path}/:eventId`, (c) => {
      const event = findEvent(c, scope);
      assertIfMatch(c, event);
      c.get('mailbox').calendar.deleteEvent(event);
      return c.body(null, 204);
    });
  }
  return routes;
}
