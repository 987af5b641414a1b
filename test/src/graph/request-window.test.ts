import { describe, expect, it } from 'vitest';
import { RequestWindow } from '../../../src/graph/request-window';
import { settle, virtualClock } from './support/virtual-clock';

describe('RequestWindow', () => {
  it('lets a whole budget through at once, then a request each time one leaves the window, dated by its answer', async () => {
    const clock = virtualClock();
    const window = new RequestWindow({ requests: 3, windowMs: 1000 }, clock);

    const answered = await Promise.all([window.take(1), window.take(1), window.take(1)]);
    clock.nowMs = 100;
    for (const answer of answered) answer();
    (await window.take(1))();

    expect(clock.slept).toEqual([1000]);
    expect(clock.nowMs).toBe(1100);
  });

  it('counts a $batch as each of its requests, and a batch larger than the budget as the budget', async () => {
    const clock = virtualClock();
    const window = new RequestWindow({ requests: 20, windowMs: 1000 }, clock);

    (await window.take(20))();
    (await window.take(1))();
    (await window.take(500))();

    expect(clock.slept).toEqual([1000, 1000]);
  });

  it('waits for an answer when the window is full of requests still in flight', async () => {
    const clock = virtualClock();
    const window = new RequestWindow({ requests: 2, windowMs: 1000 }, clock);
    const first = await window.take(1);
    await window.take(1);
    let admitted = false;
    const third = window.take(1).then((answered) => {
      admitted = true;
      return answered;
    });

    await settle();
    expect(admitted).toBe(false);
    clock.nowMs = 50;
    first();
    (await third)();
    expect(clock.slept).toEqual([1000]);
    expect(clock.nowMs).toBe(1050);
  });

  it('dates a request once, however often its answer is reported', async () => {
    const clock = virtualClock();
    const window = new RequestWindow({ requests: 2, windowMs: 1000 }, clock);

    const answered = await window.take(1);
    answered();
    answered();
    (await window.take(1))();

    expect(clock.slept).toEqual([]);
  });
});
