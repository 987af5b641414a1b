import { describe, expect, it } from 'vitest';
import type { ErpAction } from '../../../../src/domain/erp-records';
import { orderRecentActions } from '../../../../src/taskpane/ContactDetails/order-recent-actions';

const now = new Date('2026-11-02T09:00:00Z');

function anAction(id: string, fields: Partial<ErpAction>): ErpAction {
  return { id, type: 'call', subject: id, allDay: false, timeZone: 'Europe/Madrid', status: 'planned', private: false, updatedAt: '2026-10-01T00:00:00Z', version: 1, ...fields };
}

// As the ERP lists them: newest first by when they happen, future ones first.
const listed = [
  anAction('visit next month', { start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z' }),
  anAction('call next week', { start: '2026-11-09T09:00:00Z', end: '2026-11-09T09:30:00Z' }),
  anAction('task due tomorrow', { type: 'task', dueDate: '2026-11-03' }),
  anAction('cancelled visit tomorrow', { start: '2026-11-03T10:00:00Z', end: '2026-11-03T11:00:00Z', status: 'cancelled' }),
  anAction('call this morning', { start: '2026-11-02T08:00:00Z', end: '2026-11-02T08:30:00Z', status: 'done' }),
  anAction('overdue call yesterday', { start: '2026-11-01T16:00:00Z', end: '2026-11-01T16:30:00Z' }),
  anAction('email last week', { type: 'email', start: '2026-10-26T11:00:00Z', end: '2026-10-26T11:00:00Z', status: 'done' }),
  anAction('visit last month', { type: 'visit', start: '2026-10-05T09:00:00Z', end: '2026-10-05T11:00:00Z', status: 'done' }),
];
const subjects = (actions: ErpAction[]) => actions.map((action) => action.subject);

describe('the recent actions of a card', () => {
  it('lists the past ones newest first, then the next planned one', () => {
    expect(subjects(orderRecentActions(listed, now, 5))).toEqual([
      'call this morning', 'overdue call yesterday', 'email last week', 'visit last month', 'task due tomorrow',
    ]);
  });

  it('fills the room the past ones leave with the planned ones after the next, soonest first, then the future ones no longer planned', () => {
    const fewPast = listed.filter((action) => !['overdue call yesterday', 'email last week', 'visit last month'].includes(action.subject));
    expect(subjects(orderRecentActions(fewPast, now, 5))).toEqual(['call this morning', 'task due tomorrow', 'call next week', 'visit next month', 'cancelled visit tomorrow']);
  });

  it('shows only past ones when nothing is planned, and gives the same answer twice', () => {
    const past = listed.slice(4);
    expect(subjects(orderRecentActions(past, now, 3))).toEqual(['call this morning', 'overdue call yesterday', 'email last week']);
    expect(orderRecentActions(past, now, 3)).toEqual(orderRecentActions([...past].reverse(), now, 3));
  });
});
