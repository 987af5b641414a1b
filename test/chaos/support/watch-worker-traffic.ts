import type { GraphEmulatorAdmin } from '../../../dev/m365/graph/graph-emulator-admin';

/** Sent by the test's own Graph client (Amélie in Outlook), so its requests are told from the sync worker's. */
export const userRequestHeader = 'x-chaos-user';

/** What to do when the world stops: `true` lets the waiting requests go on, `false` fails them (the worker is gone). */
export type StopAction = () => Promise<boolean>;

export interface WorkerTraffic {
  /**
   * At the worker's `number`-th Graph request of the run (counted as it arrives, before any fault is
   * drawn for it), the world stops: that request and every later one wait, the ones being served
   * finish (a `$batch` envelope excepted, which waits for its items), then the actions run in turn.
   */
  stopAt(number: number, action: StopAction): void;
  /** The same at the first request of the run for which `test` (given its path, as requests arrive) is true. */
  stopWhen(test: (path: string) => boolean, action: StopAction): void;
  /** Resolves once none of the worker's requests is being served any more. */
  drained(): Promise<void>;
  /** The path of the worker's `number`-th request of the run (`undefined` before it arrives). */
  pathOf(number: number): string | undefined;
  /** Starts counting again from zero for the next run, with no stop planned. */
  nextRun(): void;
}

/**
 * Stops the sync worker at exact points of its Graph traffic, so a seed replays the same kills and
 * the same races: request counts instead of timers. Amélie's own requests pass untouched.
 */
export function watchWorkerTraffic(admin: GraphEmulatorAdmin): WorkerTraffic {
  let count = 0;
  let stops = new Map<number, StopAction[]>();
  let paths = new Map<number, string>();
  let conditions: { test: (path: string) => boolean; action: StopAction }[] = [];
  let gate: Promise<boolean> | undefined;
  const serving = new Map<Promise<void>, { envelope: boolean }>();
  const servingDone = (envelopes: boolean) =>
    Promise.allSettled([...serving].filter(([, request]) => envelopes || !request.envelope).map(([served]) => served));

  admin.interceptRequests(async (request, serve) => {
    if (request.headers.has(userRequestHeader)) return serve();
    count += 1;
    const path = new URL(request.url).pathname;
    paths.set(count, path);
    const met = conditions.filter((condition) => condition.test(path));
    conditions = conditions.filter((condition) => !met.includes(condition));
    const actions = [...(stops.get(count) ?? []), ...met.map((condition) => condition.action)];
    if (actions.length) {
      gate = (async () => {
        await servingDone(false);
        for (const action of actions) if (!(await action())) return false;
        return true;
      })();
    }
    if (gate && !(await gate)) throw new Error('the sync worker is gone: this request is never served');
    const served = serve();
    serving.set(served, { envelope: new URL(request.url).pathname.endsWith('/$batch') });
    try {
      await served;
    } finally {
      serving.delete(served);
    }
  }, 'arrived');

  return {
    stopAt(number, action) {
      stops.set(number, [...(stops.get(number) ?? []), action]);
    },
    async drained() {
      while (serving.size > 0) await servingDone(true);
    },
    stopWhen(test, action) {
      conditions.push({ test, action });
    },
    pathOf: (number) => paths.get(number),
    nextRun() {
      count = 0;
      paths = new Map();
      conditions = [];
      stops = new Map();
      gate = undefined;
    },
  };
}
