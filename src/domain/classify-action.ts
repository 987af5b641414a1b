import type { ErpAction } from './erp-records';

/** Where an ERP action lives in Outlook: a calendar event or a Microsoft To Do task. */
export type ActionKind = 'event' | 'task';

/**
 * DESIGN §5: an action with a start and an end, or an all-day one, is an event (a visit blocks
 * free/busy); one with only a due date, or no date at all, is a task. An action that gains or
 * loses its times changes kind, so it leaves one collection and enters the other.
 *
 * @example
 * classifyAction({ start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z', allDay: false }); // 'event'
 * classifyAction({ dueDate: '2026-03-02', allDay: false }); // 'task'
 */
export function classifyAction(action: Pick<ErpAction, 'start' | 'end' | 'allDay'>): ActionKind {
  return (action.start !== undefined && action.end !== undefined) || action.allDay ? 'event' : 'task';
}
