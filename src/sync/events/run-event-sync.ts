import type { ConflictPolicy } from '../../domain/sync-settings';
import type { ErpAction } from '../../domain/erp-records';
import type { ErpActionSource } from '../actions/erp-action-source';
import { advanceRun } from '../advance-run';
import type { RunFailure, RunState } from '../run-state';
import { startRun } from '../start-run';
import { SyncError } from '../sync-error';
import { hasForeignOutlookChanges } from '../contacts/has-foreign-outlook-changes';
import { toRunFailure } from '../to-run-failure';
import { applyEventPlan, type EventApplyResult, type EventItemFailure } from './apply-event-plan';
import { countEventWrites } from './event-plan';
import type { EventProjection } from './event-projection';
import type { EventLink } from './event-link';
import type { EventSyncStore, SavedCalendarCursor } from './event-sync-store';
import { eventWindowAt } from './event-window';
import { inviteContacts } from './invite-contacts';
import type { OutlookEventCalendar } from './outlook-event-calendar';
import { type OutlookDeleteRule, planEventChanges } from './plan-event-changes';
import { readCalendarChanges } from './read-calendar-changes';

export interface EventSyncInput {
  environment: string;
  direction: 'erp-to-outlook' | 'two-way';
  policy: ConflictPolicy;
  outlookDelete: OutlookDeleteRule;
  /** The environment lets sync invite: created events carry their action's ERP contact as attendee (`inviteContacts`). */
  inviteAttendees: boolean;
  /** Events of the user's own tagged `ERP` become actions (two-way only). */
  eventsFromOutlook: boolean;
  /** `primary`, or the id of the dedicated calendar the user chose: cursors belong to one. */
  calendarId: string;
  calendar: OutlookEventCalendar;
  projection: EventProjection;
  erp: ErpActionSource;
  store: EventSyncStore;
  now: () => Date;
  newId: () => string;
  onState: (state: RunState) => Promise<void>;
}

export interface EventSyncReport {
  outcome: 'succeeded' | 'partial' | 'failed';
  /** Nothing to write on either side, and the calendar answered in one round with no lookups. */
  quiet: boolean;
  /** The calendar was listed in full again (an expired cursor, or the window rolled forward). */
  resynced: boolean;
  applied: EventApplyResult['applied'];
  failures: EventItemFailure[];
  failure?: RunFailure;
  startedAt: string;
  finishedAt: string;
}

/** Every action in scope, and the ERP's tombstones since the saved feed cursor. */
async function readErp(erp: ErpActionSource, cursor: string | undefined) {
  const actions: ErpAction[] = await erp.listActionsInScope();
  const tombstones = new Set<string>();
  let next = cursor;
  for (;;) {
    const page = await erp.listActionChanges(next);
    for (const id of page.deletedIds) tombstones.add(id);
    next = page.nextCursor;
    if (!page.hasMore) break;
  }
  // An action listed now was deleted and made again, or reassigned back: the listing is the newer word.
  for (const action of actions) tombstones.delete(action.id);
  return { actions, tombstones, erpFeed: next };
}

/**
 * Where the next run's calendar round starts after this run wrote events: past its own writes when
 * a round taken now holds nothing else (each linked event with the change key its link keeps, a
 * suppressed link's event gone), so a first sync of thousands of events is not paged through again.
 * Anything else (the user's edit meanwhile) keeps the cursor the run read to, so it is read next.
 * An expired cursor gives `undefined`: the next run lists the window again.
 */
async function cursorPastWrites(calendar: OutlookEventCalendar, cursor: SavedCalendarCursor, links: readonly EventLink[]): Promise<SavedCalendarCursor | undefined> {
  const known = new Map(links.map((link) => [link.outlookId, link.state === 'active' ? link.snapshot.changeKey : null]));
  try {
    const after = await calendar.readChanges(cursor.cursor, cursor.window);
    if (after.cursor === undefined) return cursor;
    const changed = new Map(after.events.map((event) => [event.id, event.changeKey]));
    return hasForeignOutlookChanges({ changed, removed: new Set(after.removedIds), deltaLink: after.cursor }, (id) => known.get(id)) ? cursor : { ...cursor, cursor: after.cursor };
  } catch (error) {
    if (!(error instanceof SyncError && error.code === 'cursor_expired')) throw error;
    return undefined;
  }
}

/**
 * One run of the event collection of one mailbox (docs/event-sync.md): the ERP's actions in scope
 * and its tombstones, the calendar's changes, the plan, its application, and the cursors saved
 * with the links. A run-level failure ends the run `failed` (never thrown); item failures make it
 * `partial` and keep the cursors where they were, so the next run reads those changes again.
 *
 * @example const report = await runEventSync({ ...ports, direction: 'two-way', policy: 'erp-wins', outlookDelete: 'suppress', inviteAttendees: false, calendarId: 'primary' });
 */
export async function runEventSync(input: EventSyncInput): Promise<EventSyncReport> {
  const at = () => input.now().toISOString();
  const startedAt = at();
  let state = startRun(startedAt);
  const applied = { outlookCreated: 0, outlookUpdated: 0, outlookRemoved: 0, erpCreated: 0, erpUpdated: 0 };
  const move = async (event: Parameters<typeof advanceRun>[1]) => {
    state = advanceRun(state, event);
    await input.onState(state);
  };
  try {
    await input.onState(state);
    const saved = await input.store.readSaved();
    const erp = await readErp(input.erp, saved.erpFeed);
    await move({ type: 'erp-listed', at: at() });
    const links = await input.store.listLinks();
    const now = input.now();
    // Turning on actions from tagged events lists the calendar again, so events tagged before are seen.
    const cursorKey = input.eventsFromOutlook && input.direction === 'two-way' ? `${input.calendarId}+tagged` : input.calendarId;
    const calendar = await readCalendarChanges(input.calendar, { calendarId: cursorKey, saved: saved.outlook, links, now, window: eventWindowAt(now) });
    await move({ type: 'outlook-listed', at: at() });
    const planned = planEventChanges({
      environment: input.environment, direction: input.direction, policy: input.policy, outlookDelete: input.outlookDelete,
      eventsFromOutlook: input.eventsFromOutlook, now: at(), window: calendar.cursor?.window ?? eventWindowAt(now), actions: erp.actions, tombstones: erp.tombstones,
      links, conflicts: await input.store.listConflicts(), events: calendar.events, goneIds: calendar.goneIds,
      projection: input.projection, newId: input.newId,
    });
    const plan = input.inviteAttendees ? await inviteContacts(planned, erp.actions, at(), (contactId) => input.erp.contactEmailOf(contactId)) : planned;
    await move({ type: 'planned', at: at(), total: plan.records.length, needsConfirmation: false });
    const result = await applyEventPlan(plan, {
      calendar: input.calendar, erp: input.erp, store: input.store, projection: input.projection, environment: input.environment, now: at(),
      onRecordFinished: () => move({ type: 'operation-finished', at: at() }),
    }, { erpFeed: erp.erpFeed, ...(calendar.cursor ? { outlook: calendar.cursor } : {}) }, saved);
    Object.assign(applied, result.applied);
    if (result.runFailure) {
      const failure = { code: result.runFailure.code, message: result.runFailure.message };
      await move({ type: 'failed', at: at(), failure });
      return { outcome: 'failed', quiet: false, resynced: calendar.resynced, applied, failures: result.failures, failure, startedAt, finishedAt: at() };
    }
    await move({ type: 'applied', at: at() });
    if (result.failures.length === 0 && countEventWrites(plan) > 0 && calendar.cursor !== undefined) {
      const past = await cursorPastWrites(input.calendar, calendar.cursor, await input.store.listLinks());
      if (past !== calendar.cursor) await input.store.transaction((tx) => tx.saveCursors({ erpFeed: erp.erpFeed, ...(past ? { outlook: past } : {}) }));
    }
    await move({ type: 'saved', at: at() });
    const quiet = countEventWrites(plan) === 0 && calendar.lookedUp === 0 && !calendar.resynced;
    return { outcome: result.failures.length ? 'partial' : 'succeeded', quiet, resynced: calendar.resynced, applied, failures: result.failures, startedAt, finishedAt: at() };
  } catch (error) {
    const failure = toRunFailure(error);
    if (state.stage !== 'failed') await move({ type: 'failed', at: at(), failure });
    return { outcome: 'failed', quiet: false, resynced: false, applied, failures: [], failure, startedAt, finishedAt: at() };
  }
}
