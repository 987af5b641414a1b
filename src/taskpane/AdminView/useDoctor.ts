import { useCallback, useRef, useState } from 'react';
import { toUiError, type UiError } from '../errors/to-ui-error';
import { useServices } from '../services/services-context';
import type { DoctorReport } from '../sync/sync-types';

export type DoctorState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'ready'; report: DoctorReport; failures: number; warnings: number }
  | { status: 'error'; error: UiError };

/** Runs the bridge's setup checks on demand (they call Entra ID, Graph and the ERP, so not on every open). */
export function useDoctor() {
  const { sync } = useServices();
  const [state, setState] = useState<DoctorState>({ status: 'idle' });
  const latest = useRef(0);

  const run = useCallback(async () => {
    const attempt = ++latest.current;
    setState({ status: 'running' });
    try {
      const report = await sync.doctor();
      if (attempt !== latest.current) return;
      const count = (status: 'warn' | 'fail') => report.checks.filter((check) => check.status === status).length;
      setState({ status: 'ready', report, failures: count('fail'), warnings: count('warn') });
    } catch (error) {
      if (attempt === latest.current) setState({ status: 'error', error: toUiError(error) });
    }
  }, [sync]);

  return { state, run };
}
