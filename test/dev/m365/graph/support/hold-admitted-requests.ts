import type { GraphEmulatorAdmin } from '../../../../../dev/m365/graph/graph-emulator-admin';

export interface HeldRequests {
  /** Resolves once `count` admitted requests are held in flight. */
  reached(count: number): Promise<void>;
  /** Serves the held requests and every later one at once. */
  release(): void;
}

/**
 * Holds every admitted mailbox request in flight (its throttling slot taken) until `release`, so
 * that requests sent meanwhile meet them there, however slowly the machine runs.
 * @example const held = holdAdmittedRequests(graph.emulator.admin); …; await held.reached(4); …; held.release();
 */
export function holdAdmittedRequests(admin: GraphEmulatorAdmin): HeldRequests {
  const held: (() => void)[] = [];
  const watchers: (() => void)[] = [];
  let released = false;
  admin.interceptRequests(async (_request, serve) => {
    if (!released) {
      await new Promise<void>((resume) => {
        held.push(resume);
        for (const wake of watchers.splice(0)) wake();
      });
    }
    await serve();
  });
  return {
    async reached(count) {
      while (held.length < count) await new Promise<void>((wake) => watchers.push(wake));
    },
    release() {
      released = true;
      admin.interceptRequests(undefined);
      for (const resume of held.splice(0)) resume();
    },
  };
}
