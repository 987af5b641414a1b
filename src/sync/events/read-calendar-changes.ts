import { SyncError } from '../sync-error';
import type { EventLink } from './event-link';
import type { SavedCalendarCursor } from './event-sync-store';
import { type EventWindow, isWindowCurrent, overlapsWindow } from './event-window';
import { carriesErpCategory, type OutlookEvent } from './outlook-event';
import type { OutlookEventCalendar } from './outlook-event-calendar';

export interface CalendarChanges {
  /** Linked events read this run, and unlinked ones carrying our category (with their tags). */
  events: Map<string, OutlookEvent>;
  /** Linked events that no longer exist. */
  goneIds: Set<string>;
  /** Where the next run starts. */
  cursor: SavedCalendarCursor | undefined;
  /** The saved cursor was expired (410) or its window too old: the window was listed in full. */
  resynced: boolean;
  /** Requests beyond the round itself were needed (events looked up by id). */
  lookedUp: number;
}

async function readRound(calendar: OutlookEventCalendar, saved: SavedCalendarCursor | undefined, window: EventWindow) {
  if (saved === undefined) return { round: await calendar.readChanges(undefined, window), resynced: false };
  try {
    return { round: await calendar.readChanges(saved.cursor, saved.window), resynced: false };
  } catch (error) {
    if (!(error instanceof SyncError) || error.code !== 'cursor_expired') throw error;
    return { round: await calendar.readChanges(undefined, window), resynced: true };
  }
}

/**
 * One reading of the calendar for a run: the round since the saved cursor (or a full listing of the
 * window when there is none, it expired, or its window is a week behind: `calendarView/delta` keeps
 * the window it started with), then a lookup by id of what the round cannot tell: linked events it
 * reports removed or, on a full listing, does not show although they meet the window (deleted, or
 * moved out of it?), and unlinked events carrying our category (a create whose answer was lost?),
 * whose tags only a lookup reads. A linked event that only left the window is therefore never
 * taken as deleted.
 */
export async function readCalendarChanges(calendar: OutlookEventCalendar, input: { calendarId: string; saved: SavedCalendarCursor | undefined; links: readonly EventLink[]; now: Date; window: EventWindow }): Promise<CalendarChanges> {
  const usable = input.saved && input.saved.calendarId === input.calendarId && isWindowCurrent(input.saved.window, input.now) ? input.saved : undefined;
  const { round, resynced } = await readRound(calendar, usable, input.window);
  const window = usable && !resynced ? usable.window : input.window;
  const active = new Map(input.links.filter((link) => link.state === 'active').map((link) => [link.outlookId, link]));
  const linked = new Set(input.links.map((link) => link.outlookId));
  const events = new Map<string, OutlookEvent>();
  const toRead = new Set<string>();
  for (const event of round.events) {
    if (linked.has(event.id)) events.set(event.id, event);
    else if (carriesErpCategory(event)) toRead.add(event.id);
  }
  for (const id of round.removedIds) if (active.has(id)) toRead.add(id);
  if (round.full) {
    for (const [outlookId, link] of active) if (!events.has(outlookId) && overlapsWindow(link.snapshot.fields, window)) toRead.add(outlookId);
  }
  const goneIds = new Set<string>();
  if (toRead.size) {
    const { gone, found } = await calendar.read([...toRead].toSorted());
    for (const id of gone) if (active.has(id)) goneIds.add(id);
    for (const event of found) events.set(event.id, event);
  }
  const cursor = round.cursor === undefined ? undefined : { calendarId: input.calendarId, window, cursor: round.cursor };
  return { events, goneIds, cursor, resynced: resynced || (input.saved !== undefined && usable === undefined), lookedUp: toRead.size };
}
