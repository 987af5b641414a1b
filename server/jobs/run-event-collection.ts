import { createGraphEventCalendar } from '../../src/graph/events/create-graph-event-calendar';
import { eventProjection } from '../../src/graph/events/event-projection';
import { runEventSync } from '../../src/sync/events/run-event-sync';
import type { ActionCollectionReport, ActionCollectionRun } from './action-collection-run';
import { createStoreEventSync } from './create-store-event-sync';

/**
 * The event collection of a mailbox run (docs/event-sync.md): the user's timed and all-day ERP
 * actions as events of their actions calendar (the primary one unless they chose another), both
 * ways under their direction and conflict policy. Invites nobody unless the environment's
 * `inviteAttendees` allows it; then a created event invites its action's ERP contact.
 *
 * @example const report = await runEventCollection({ environment, user, settings, client, mailbox, erp, store, … });
 */
export const runEventCollection: ActionCollectionRun = async (input) => {
  const { settings } = input;
  const at = input.now().toISOString();
  if (!settings.actionsEnabled || settings.events === 'off') {
    const idle: ActionCollectionReport = { outcome: 'succeeded', quiet: true, applied: { outlookCreated: 0, outlookUpdated: 0, outlookRemoved: 0, erpCreated: 0, erpUpdated: 0 }, failedOperations: 0, startedAt: at, finishedAt: at };
    return idle;
  }
  const report = await runEventSync({
    environment: input.environment,
    direction: settings.events,
    policy: settings.eventConflicts,
    outlookDelete: input.eventOutlookDelete ?? 'suppress',
    inviteAttendees: input.inviteAttendees,
    eventsFromOutlook: settings.eventsFromOutlook ?? false,
    calendarId: settings.actionsCalendarId ?? 'primary',
    calendar: createGraphEventCalendar(input.client, input.mailbox, settings.actionsCalendarId),
    projection: eventProjection,
    erp: input.erp,
    store: createStoreEventSync(input.store, input.user, input.now),
    now: input.now,
    newId: input.newId,
    onState: input.onState,
  });
  return {
    outcome: report.outcome, quiet: report.quiet, applied: report.applied, failedOperations: report.failures.length,
    ...(report.failure ? { failure: report.failure } : {}),
    startedAt: report.startedAt, finishedAt: report.finishedAt,
  };
};
