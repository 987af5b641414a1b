import { ErpError } from '../domain/erp-port';
import type { RunFailure } from './run-state';
import { SyncError } from './sync-error';

/** What stopped a run, from what it threw: Graph's and the ERP's codes as they are, anything else `unavailable`. */
export function toRunFailure(error: unknown): RunFailure {
  if (error instanceof SyncError) return { code: error.code, message: error.message, ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }) };
  if (error instanceof ErpError) return { code: error.code, message: error.message };
  // A store failure or a bug: the run stops and says so; the scheduler retries with backoff.
  return { code: 'unavailable', message: `the run stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}` };
}
