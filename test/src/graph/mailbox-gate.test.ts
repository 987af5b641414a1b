import { describe, expect, it } from 'vitest';
import { MailboxGate } from '../../../src/graph/mailbox-gate';
import { settle, virtualClock } from './support/virtual-clock';

describe('MailboxGate', () => {
  it('admits up to its capacity and the next one when a slot is released', async () => {
    const gate = new MailboxGate(4, virtualClock());
    const releases = await Promise.all([1, 2, 3, 4].map(() => gate.acquire()));
    let fifthAdmitted = false;
    const fifth = gate.acquire().then((release) => {
      fifthAdmitted = true;
      return release;
    });

    await settle();
    expect(fifthAdmitted).toBe(false);
    releases[0]?.();
    (await fifth)();
    expect(fifthAdmitted).toBe(true);
  });

  it('serves waiters first come first served, so a batch that needs every slot is not starved by single requests', async () => {
    const gate = new MailboxGate(4, virtualClock());
    const order: string[] = [];
    const first = await gate.acquire();
    const batch = gate.acquire(Number.POSITIVE_INFINITY).then((release) => {
      order.push('batch');
      release();
    });
    const single = gate.acquire().then((release) => {
      order.push('single');
      release();
    });

    await settle();
    expect(order).toEqual([]);
    first();
    await Promise.all([batch, single]);
    expect(order).toEqual(['batch', 'single']);
  });

  it('puts a retry ahead of requests that have not been sent yet', async () => {
    const gate = new MailboxGate(1, virtualClock());
    const order: string[] = [];
    const holder = await gate.acquire();
    const admit = (name: string) => (release: () => void) => {
      order.push(name);
      release();
    };
    const fresh = gate.acquire().then(admit('fresh'));
    const retry = gate.acquire(1, { first: true }).then(admit('retry'));

    holder();
    await Promise.all([fresh, retry]);
    expect(order).toEqual(['retry', 'fresh']);
  });

  it('holds every request of the mailbox back until a pause ends, and a longer pause wins', async () => {
    const clock = virtualClock();
    const gate = new MailboxGate(4, clock);
    gate.pauseFor(2128);
    gate.pauseFor(1000);

    (await gate.acquire())();

    expect(clock.nowMs).toBe(2128);
    expect(clock.slept).toEqual([2128]);
  });

  it('with a request budget, holds a request back until the window has room, a $batch counting each of its requests', async () => {
    const clock = virtualClock();
    const gate = new MailboxGate(4, clock, { requests: 20, windowMs: 6000 });

    (await gate.acquire(Number.POSITIVE_INFINITY, { requests: 20 }))();
    (await gate.acquire())();

    expect(clock.slept).toEqual([6000]);
  });

  it('releases a slot once, however often release is called', async () => {
    const gate = new MailboxGate(1, virtualClock());
    const release = await gate.acquire();
    release();
    release();
    const again = await gate.acquire();
    let third = false;
    void gate.acquire().then(() => (third = true));

    await settle();
    expect(third).toBe(false);
    again();
  });
  it('finds its budget ok, near its limit from 80% of the window used, and throttled when full or paused', async () => {
    const clock = virtualClock();
    const gate = new MailboxGate(4, clock, { requests: 10, windowMs: 6000 });
    expect(gate.budgetState()).toBe('ok');

    (await gate.acquire(Number.POSITIVE_INFINITY, { requests: 7 }))();
    expect(gate.budgetState()).toBe('ok');
    (await gate.acquire())();
    expect(gate.budgetState()).toBe('near_limit');
    expect(gate.budgetState(3)).toBe('throttled');

    clock.nowMs += 6000;
    expect(gate.budgetState()).toBe('ok');
    gate.pauseFor(1000);
    expect(gate.budgetState()).toBe('throttled');
  });

  it('without a budget is only ever ok or paused', () => {
    const clock = virtualClock();
    const gate = new MailboxGate(4, clock);
    expect(gate.budgetState(50_000)).toBe('ok');
    gate.pauseFor(10);
    expect(gate.budgetState()).toBe('throttled');
  });
});
