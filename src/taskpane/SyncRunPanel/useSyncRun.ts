import { useCallback, useEffect, useRef, useState } from 'react';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import type { SyncRun } from '../sync/sync-types';

type Step = { kind: 'load' } | { kind: 'start'; confirmRemovals: boolean } | { kind: 'follow'; runId: string };

export type SyncRunState =
  | { status: 'loading' }
  /** `followed`: the pane watched this run to its end (its progress stays on screen). */
  | { status: 'idle'; last: SyncRun | undefined; followed: boolean }
  | { status: 'starting'; last: SyncRun | undefined }
  | { status: 'running'; run: SyncRun }
  | { status: 'error'; error: UiError; last: SyncRun | undefined; failed: Step };

const finished = (run: SyncRun) => run.status === 'succeeded' || run.status === 'failed' || run.status === 'waiting_confirmation';

/**
 * The last contacts run and "sync now": the bridge answers at once with a run id, then the pane
 * asks for the run every `pollMs` until it ends. A run already going (another device) is followed too.
 */
export function useSyncRun(pollMs: number, onFinished: () => void) {
  const { sync } = useServices();
  const [state, setState] = useState<SyncRunState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Each mount (and unmount) starts a new generation; a poll loop of an older one stops.
  const generation = useRef(0);
  const finishedRef = useRef(onFinished);
  useEffect(() => {
    finishedRef.current = onFinished;
  }, [onFinished]);
  const lastRef = useRef<SyncRun | undefined>(undefined);

  const follow = useCallback(
    async (runId: string) => {
      const mine = generation.current;
      for (;;) {
        let run: SyncRun;
        try {
          run = await sync.getRun(runId);
        } catch (error) {
          if (generation.current === mine) setState({ status: 'error', error: toUiError(error), last: lastRef.current, failed: { kind: 'follow', runId } });
          return;
        }
        if (generation.current !== mine) return;
        if (finished(run)) {
          lastRef.current = run;
          setState({ status: 'idle', last: run, followed: true });
          finishedRef.current();
          return;
        }
        setState({ status: 'running', run });
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        if (generation.current !== mine) return;
      }
    },
    [sync, pollMs],
  );

  useEffect(() => {
    const mine = ++generation.current;
    setState({ status: 'loading' });
    sync.runs(10).then(
      (runs) => {
        if (generation.current !== mine) return;
        const last = runs.find((run) => run.kind !== 'preview');
        lastRef.current = last && finished(last) ? last : undefined;
        if (last && !finished(last)) void follow(last.id);
        else setState({ status: 'idle', last, followed: false });
      },
      (error: unknown) => generation.current === mine && setState({ status: 'error', error: toUiError(error), last: undefined, failed: { kind: 'load' } }),
    );
    return () => {
      generation.current += 1;
    };
  }, [sync, follow, attempt]);

  const start = useCallback(
    async (confirmRemovals: boolean) => {
      setState({ status: 'starting', last: lastRef.current });
      try {
        const { runId } = await sync.startRun({ confirmRemovals });
        await follow(runId);
      } catch (error) {
        setState({ status: 'error', error: toUiError(error), last: lastRef.current, failed: { kind: 'start', confirmRemovals } });
      }
    },
    [sync, follow],
  );

  const retry = useCallback(() => {
    if (state.status !== 'error') return;
    const { failed } = state;
    if (failed.kind === 'start') void start(failed.confirmRemovals);
    else if (failed.kind === 'follow') void follow(failed.runId);
    else setAttempt((count) => count + 1);
  }, [state, start, follow]);

  return { state, start, retry };
}
