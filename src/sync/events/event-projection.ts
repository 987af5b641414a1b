import type { ErpAction } from '../../domain/erp-records';
import type { SyncedEvent } from './synced-event';

/**
 * The wall-clock side of events, which needs time-zone data the engine does not hold: what an
 * action looks like as an event, and the ERP times an event's times are. Its adapter is
 * `eventProjection` (`src/graph/events`).
 */
export interface EventProjection {
  /** The event an action becomes: all-day actions on their dates in the action's zone. */
  fieldsOf(action: ErpAction): SyncedEvent;
  /** The ERP's `start`, `end` and `allDay` for an event's times, read in `timeZone` (the action's). */
  erpTimesOf(fields: Pick<SyncedEvent, 'start' | 'end' | 'allDay'>, timeZone: string): { start: string; end: string; allDay: boolean };
}
