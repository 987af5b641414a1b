import type { Event } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { EventWindow } from '../../sync/events/event-window';
import { erpCategory, type OutlookEvent } from '../../sync/events/outlook-event';
import type { CalendarRound, EventWrite, EventWriteAnswer, OutlookEventCalendar } from '../../sync/events/outlook-event-calendar';
import { SyncError } from '../../sync/sync-error';
import { batch, type BatchRequest } from '../batch';
import type { GraphClient } from '../create-graph-client';
import { erpIdPropertyId, expandErpId } from '../erp-id-property';
import type { GraphCollection } from '../graph-collection';
import { mailboxPath, type Mailbox } from '../mailbox-path';
import { odataQuery } from '../odata-query';
import { calendarEventsPath, eventPath } from './event-paths';
import { toGraphEvent } from './to-graph-event';
import { toOutlookEvent } from './to-outlook-event';

/** Outlook's largest delta page (graph-facts §2); a list page holds up to 1,000. */
const deltaPageSize = 200;
const listPageSize = 1000;

/** Times in UTC and bodies as text, whatever the mailbox's settings: what the engine compares. */
const readPreferences = 'outlook.timezone="UTC", outlook.body-content-type="text"';
const eventSelect = 'iCalUId,subject,body,start,end,isAllDay,originalStartTimeZone,sensitivity,showAs,categories,changeKey,createdDateTime,lastModifiedDateTime';

const writtenItemSchema = z.object({ id: z.string(), changeKey: z.string().optional() });
type DeltaItem = Event & { '@removed'?: { reason?: string } };

const windowQuery = (window: EventWindow) => ({ startDateTime: window.start, endDateTime: window.end });

/**
 * The calendar of a mailbox's ERP actions over Graph: the primary one (`calendarId` absent), whose
 * changes come from `calendarView/delta` over the window, or a dedicated one, which Graph v1.0
 * gives no delta for (graph-facts §2): it is listed in full (`calendarView` of that calendar) each
 * time, and the engine tells changes by change key. Writes go in `$batch`es; creates carry the
 * category `ERP`, the ERP id property and a `transactionId`, and the invited contact if any;
 * updates never carry attendees (a PATCH would replace the list the user keeps).
 *
 * @example const calendar = createGraphEventCalendar(graph, 'ana@contoso.com');
 */
export function createGraphEventCalendar(client: GraphClient, mailbox: Mailbox, calendarId?: string): OutlookEventCalendar {
  const eventsPath = calendarEventsPath(mailbox, calendarId);

  const toRequest = (write: EventWrite, id: string): BatchRequest => {
    switch (write.kind) {
      case 'create':
        return {
          id, method: 'POST', url: eventsPath,
          body: {
            ...toGraphEvent(write.fields), categories: [erpCategory], transactionId: write.transactionId, singleValueExtendedProperties: [{ id: erpIdPropertyId, value: write.tag }],
            // Outlook sends the invitation when it saves the event.
            ...(write.attendee === undefined ? {} : { attendees: [{ type: 'required', emailAddress: { address: write.attendee } }] }),
          },
        };
      case 'update':
        return { id, method: 'PATCH', url: eventPath(mailbox, write.outlookId), body: toGraphEvent(write.fields, write.changed), headers: { 'If-Match': `W/"${write.changeKey}"` } };
      case 'tag':
        return { id, method: 'PATCH', url: eventPath(mailbox, write.outlookId), body: { singleValueExtendedProperties: [{ id: erpIdPropertyId, value: write.tag }] }, headers: { 'If-Match': `W/"${write.changeKey}"` } };
      case 'remove':
        return { id, method: 'DELETE', url: eventPath(mailbox, write.outlookId) };
    }
  };

  async function readDelta(deltaLink: string | undefined, window: EventWindow): Promise<CalendarRound> {
    const headers = { Prefer: `odata.maxpagesize=${deltaPageSize}, ${readPreferences}` };
    const round: CalendarRound = { events: [], removedIds: [], full: deltaLink === undefined };
    const present = new Map<string, OutlookEvent>();
    const removed = new Set<string>();
    let next: string | undefined = deltaLink ?? `${mailboxPath(mailbox)}/calendarView/delta?${odataQuery(windowQuery(window))}`;
    while (next !== undefined) {
      const page: GraphCollection<DeltaItem> | undefined = await client.request<GraphCollection<DeltaItem>>('GET', next, { headers, mailbox });
      for (const item of page?.value ?? []) {
        if (!item.id) continue;
        // Replays are allowed: the last word on an id wins.
        if (item['@removed'] === undefined) {
          present.set(item.id, toOutlookEvent(item));
          removed.delete(item.id);
        } else {
          present.delete(item.id);
          removed.add(item.id);
        }
      }
      const link: string | undefined = page?.['@odata.deltaLink'] || undefined;
      next = link === undefined ? page?.['@odata.nextLink'] || undefined : undefined;
      if (link !== undefined) round.cursor = link;
      else if (next === undefined) throw new SyncError('unavailable', 'Microsoft Graph ended a calendarView delta round with neither @odata.nextLink nor @odata.deltaLink.');
    }
    return { ...round, events: [...present.values()], removedIds: [...removed] };
  }

  async function listCalendar(window: EventWindow): Promise<CalendarRound> {
    const events = new Map<string, OutlookEvent>();
    const query = odataQuery({ ...windowQuery(window), $top: String(listPageSize), $select: eventSelect });
    let next: string | undefined = `${mailboxPath(mailbox)}/calendars/${encodeURIComponent(calendarId ?? '')}/calendarView?${query}`;
    while (next !== undefined) {
      const page: GraphCollection<OutlookEvent> = await client.requestCollection(next, toOutlookEvent, { headers: { Prefer: readPreferences }, mailbox });
      for (const event of page.value ?? []) if (event.id) events.set(event.id, event);
      next = page['@odata.nextLink'];
    }
    return { events: [...events.values()], removedIds: [], full: true };
  }

  return {
    readChanges: (cursor, window) => (calendarId === undefined ? readDelta(cursor, window) : listCalendar(window)),

    async read(outlookIds) {
      const query = odataQuery({ $select: eventSelect, $expand: expandErpId });
      const answers = await batch(client, mailbox, outlookIds.map((outlookId, index) => ({ id: String(index), method: 'GET' as const, url: `${eventPath(mailbox, outlookId)}?${query}`, headers: { Prefer: readPreferences } })));
      const gone: string[] = [];
      const found: OutlookEvent[] = [];
      answers.forEach((answer, index) => {
        if (answer.ok) return void found.push(toOutlookEvent(answer.body as Event));
        if (answer.error.code !== 'not_found') throw answer.error;
        gone.push(outlookIds[index] ?? '');
      });
      return { gone, found };
    },

    async write(writes) {
      const answers = await batch(client, mailbox, writes.map((write, index) => toRequest(write, String(index))));
      return answers.map((answer, index): EventWriteAnswer => {
        const write = writes[index];
        if (!answer.ok) return write?.kind === 'remove' && answer.error.code === 'not_found' ? { ok: true } : { ok: false, error: answer.error };
        if (write?.kind === 'remove') return { ok: true };
        const written = writtenItemSchema.safeParse(answer.body);
        if (!written.success) return { ok: false, error: new SyncError('unavailable', `Graph answered ${answer.status} without the written event`) };
        return { ok: true, id: written.data.id, ...(written.data.changeKey === undefined ? {} : { changeKey: written.data.changeKey }) };
      });
    },
  };
}
