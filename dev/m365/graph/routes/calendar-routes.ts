import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { CalendarRecord } from '../calendar-record';
import type { GraphEnv } from '../graph-env';
import { GraphError, invalidRequestBody } from '../graph-error';
import { listPageSize, type PagingConfig } from '../graph-paging';
import { mailboxContext, sendGraphJson } from '../graph-response';
import { invalidFilter, parseODataFilter } from '../parse-odata-filter';
import { parseSelect } from '../parse-select';
import { readJsonBody } from '../read-json-body';
import { readQueryOptions } from '../read-query-options';
import { calendarPropertyNames, renderCalendar } from '../render-calendar';
import { withQueryOption } from '../with-query-option';

const calendarInputSchema = z.strictObject({ name: z.string().trim().min(1) });
const ignored = new Set(['id', 'changeKey', 'isDefaultCalendar', 'owner', 'canEdit', 'canShare', 'canViewPrivateItems', 'isRemovable', 'isTallyingResponses', 'color', 'hexColor']);

function parseCalendarInput(body: unknown): { name: string } {
  const cleaned =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).filter(([name]) => !name.startsWith('@odata.') && !ignored.has(name)))
      : body;
  const parsed = calendarInputSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    throw invalidRequestBody(`The property '${issue.keys[0] ?? ''}' does not exist on type 'microsoft.graph.calendar'.`);
  }
  throw new GraphError(400, 'ErrorInvalidRequest', 'A calendar needs a non-empty name.');
}

/** Calendars answer `$filter` on `name` (for "find the ERP calendar"). */
function calendarFilter(filter: string | undefined): (calendar: CalendarRecord) => boolean {
  if (filter === undefined) return () => true;
  const expression = parseODataFilter(filter);
  if (expression.kind !== 'comparison' || expression.comparison.path !== 'name') throw invalidFilter();
  const { operator, value } = expression.comparison;
  const wanted = value.toLowerCase();
  return (calendar) => {
    const name = calendar.name.toLowerCase();
    if (operator === 'eq') return name === wanted;
    if (operator === 'ne') return name !== wanted;
    if (operator === 'contains') return name.includes(wanted);
    return name.startsWith(wanted);
  };
}

function owner(c: Context<GraphEnv>) {
  const { user } = c.get('mailbox');
  return { name: user.displayName, address: user.mail };
}

function sendCalendar(c: Context<GraphEnv>, calendar: CalendarRecord, status: 200 | 201 = 200): Response {
  const query = readQueryOptions(new URL(c.req.url), ['$select']);
  const select = parseSelect(query.select, calendarPropertyNames, 'calendar');
  const context = mailboxContext(c, 'calendars/$entity');
  return sendGraphJson(c, renderCalendar(calendar, owner(c), { select: select ? new Set(select) : undefined, context }), { status });
}

/**
 * Calendars: list (`$top`, `$skip`, `$select`, `$filter` on name), create, and get, rename or
 * delete one by id; `/calendar` is the primary calendar, which cannot be deleted.
 */
export function createCalendarRoutes(paging: PagingConfig): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  routes.get('/calendars', (c) => {
    const url = new URL(c.req.url);
    const query = readQueryOptions(url, ['$top', '$skip', '$select', '$filter']);
    const select = parseSelect(query.select, calendarPropertyNames, 'calendar');
    const calendars = c.get('mailbox').calendar.listCalendars().filter(calendarFilter(query.filter));
    const top = listPageSize(query.top, paging);
    const skip = query.skip ?? 0;
    const selected = select ? new Set(select) : undefined;
    return sendGraphJson(c, {
      '@odata.context': mailboxContext(c, 'calendars'),
      ...(skip + top < calendars.length ? { '@odata.nextLink': withQueryOption(url, '$skip', String(skip + top)) } : {}),
      value: calendars.slice(skip, skip + top).map((calendar) => renderCalendar(calendar, owner(c), { select: selected })),
    });
  });
  routes.post('/calendars', async (c) => {
    const { name } = parseCalendarInput(await readJsonBody(c));
    return sendCalendar(c, c.get('mailbox').calendar.createCalendar(name), 201);
  });
  routes.get('/calendar', (c) => {
    const store = c.get('mailbox').calendar;
    return sendCalendar(c, store.requireCalendar(store.primaryCalendarId));
  });
  routes.get('/calendars/:calendarId', (c) => sendCalendar(c, c.get('mailbox').calendar.requireCalendar(c.req.param('calendarId'))));
  routes.patch('/calendars/:calendarId', async (c) => {
    const { name } = parseCalendarInput(await readJsonBody(c));
    return sendCalendar(c, c.get('mailbox').calendar.renameCalendar(c.req.param('calendarId'), name));
  });
  routes.delete('/calendars/:calendarId', (c) => {
    c.get('mailbox').calendar.deleteCalendar(c.req.param('calendarId'));
    return c.body(null, 204);
  });
  return routes;
}
