import { describe, expect, it } from 'vitest';
import { classifyAction } from '../../../src/domain/classify-action';

describe('classifyAction', () => {
  it('makes an action with a start and an end an event', () => {
    expect(classifyAction({ start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z', allDay: false })).toBe('event');
  });

  it('makes an all-day action an event, so the day shows in the calendar', () => {
    expect(classifyAction({ allDay: true })).toBe('event');
  });

  it('makes an action with only a due date, or no date, a task', () => {
    expect(classifyAction({ allDay: false })).toBe('task');
    expect(classifyAction({ start: undefined, end: undefined, allDay: false })).toBe('task');
  });
});
