import { eventProjection } from '../../src/graph/events/event-projection';
import type { ConflictPolicy } from '../../src/domain/sync-settings';
import type { OutlookDeleteRule } from '../../src/sync/events/plan-event-changes';
import { runEventSync, type EventSyncReport } from '../../src/sync/events/run-event-sync';
import { FakeClock } from '../fakes/fake-clock';
import { FakeErpActionSource } from '../fakes/fake-erp-action-source';
import { FakeEventSyncStore } from '../fakes/fake-event-sync-store';
import { FakeOutlookEventCalendar } from '../fakes/fake-outlook-event-calendar';
import { sequentialIds } from './sequential-ids';

export interface EventSyncFakes {
  clock: FakeClock;
  erp: FakeErpActionSource;
  calendar: FakeOutlookEventCalendar;
  store: FakeEventSyncStore;
  /** One run at the clock's time, with the given direction, policy and delete rule (two-way, erp-wins, suppress unless said). */
  run(options?: { direction?: 'erp-to-outlook' | 'two-way'; policy?: ConflictPolicy; outlookDelete?: OutlookDeleteRule; eventsFromOutlook?: boolean; inviteAttendees?: boolean }): Promise<EventSyncReport>;
}

/** Ana's ERP actions (owner `U-ana`), her calendar and the bridge store, all in memory, on one clock. */
export function createEventSyncFakes(now = '2027-02-25T10:00:00.000Z'): EventSyncFakes {
  const clock = new FakeClock(now);
  const erp = new FakeErpActionSource(clock, { ownerId: 'U-ana' });
  const calendar = new FakeOutlookEventCalendar(clock);
  const store = new FakeEventSyncStore();
  const newId = sequentialIds('conflict-');
  return {
    clock, erp, calendar, store,
    run: (options = {}) =>
      runEventSync({
        environment: 'acme', direction: options.direction ?? 'two-way', policy: options.policy ?? 'erp-wins', outlookDelete: options.outlookDelete ?? 'suppress', eventsFromOutlook: options.eventsFromOutlook ?? false, inviteAttendees: options.inviteAttendees ?? false,
        calendarId: 'primary', calendar, projection: eventProjection, erp, store,
        now: () => new Date(clock.now()), newId, onState: async () => undefined,
      }),
  };
}
