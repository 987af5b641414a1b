import type { ErpAction } from '../../domain/erp-records';

/** When an action happens: its start, else the end of its due date (UTC), else when it last changed. */
const happensAt = (action: ErpAction) => Date.parse(action.start ?? (action.dueDate ? `${action.dueDate}T23:59:59.999Z` : action.updatedAt));

/**
 * What the card lists under "Recent actions": the past ones (those that happened before `now`),
 * newest first, then the next planned one; when there are fewer past ones than room, the planned
 * ones after it, soonest first, and last the future ones no longer planned (a visit cancelled
 * ahead of time). Ties keep the id order, so the answer never depends on the ERP's order.
 *
 * @example orderRecentActions(actions, new Date('2026-11-02T09:00:00Z'), 5) // [this morning's call, last week's visit, …, tomorrow's meeting]
 */
export function orderRecentActions(actions: readonly ErpAction[], now: Date, limit: number): ErpAction[] {
  const nowMs = now.getTime();
  const byTime = (direction: 1 | -1) => (left: ErpAction, right: ErpAction) => direction * (happensAt(left) - happensAt(right)) || left.id.localeCompare(right.id);
  const past = actions.filter((action) => happensAt(action) <= nowMs).sort(byTime(-1));
  const future = actions.filter((action) => happensAt(action) > nowMs).sort(byTime(1));
  const planned = future.filter((action) => action.status === 'planned');
  const notPlanned = future.filter((action) => action.status !== 'planned');
  const pastShown = past.slice(0, planned.length > 0 ? limit - 1 : limit);
  return [...pastShown, ...planned, ...notPlanned].slice(0, limit);
}
