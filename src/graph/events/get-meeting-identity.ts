import type { Event } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../create-graph-client';
import { mailboxPath, type Mailbox } from '../mailbox-path';
import { odataQuery } from '../odata-query';
import { SyncError } from '../../sync/sync-error';

/** What logging a meeting needs from Graph, which Office.js does not give. */
export interface MeetingIdentity {
  /** The same for the meeting in every attendee's calendar, and kept when the meeting moves. */
  iCalUId: string;
  /** Outlook's sensitivity: `private` and `confidential` meetings are logged as private actions by default. */
  sensitivity: 'normal' | 'personal' | 'private' | 'confidential';
  /** For an all-day meeting, its first and last-plus-one dates (`2026-03-30`, `2026-03-31`): an all-day event's times float. */
  allDay?: { startDate: string; endDate: string };
}

const datePart = (value: Event['start']) => /^\d{4}-\d{2}-\d{2}/.exec(value?.dateTime ?? '')?.[0];

/**
 * The iCalUId, sensitivity and all-day dates of one event of the mailbox, by its REST id (the
 * add-in converts Office's EWS id with `convertToRestId`). Throws `SyncError` `not_found` when the
 * mailbox has no such event. Permission: Calendars.Read.
 */
export async function getMeetingIdentity(client: GraphClient, mailbox: Mailbox, eventId: string): Promise<MeetingIdentity> {
  const query = odataQuery({ $select: 'iCalUId,sensitivity,isAllDay,start,end' });
  const event = await client.request<Event>('GET', `${mailboxPath(mailbox)}/events/${encodeURIComponent(eventId)}?${query}`);
  if (!event.iCalUId) throw new SyncError('invalid_input', `Graph returned event ${eventId} without an iCalUId`);
  const sensitivity = event.sensitivity ?? 'normal';
  if (!event.isAllDay) return { iCalUId: event.iCalUId, sensitivity };
  const startDate = datePart(event.start);
  const endDate = datePart(event.end);
  if (!startDate || !endDate) throw new SyncError('invalid_input', `Graph returned all-day event ${eventId} without its dates`);
  return { iCalUId: event.iCalUId, sensitivity, allDay: { startDate, endDate } };
}
