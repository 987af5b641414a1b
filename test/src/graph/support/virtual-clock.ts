/** A clock that only moves when someone sleeps, so waits are exact and instant. */
export function virtualClock() {
  const clock = {
    nowMs: 0,
    slept: [] as number[],
    now: () => clock.nowMs,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.nowMs += ms;
    },
  };
  return clock;
}

/** Lets promises already resolved run their callbacks. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));
