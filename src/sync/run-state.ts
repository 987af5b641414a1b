import type { ErpErrorCode } from '../domain/erp-port';
import type { SyncErrorCode } from './sync-error';

/** Where a sync run is; the last three are terminal. */
export type RunStage =
  | 'listing-erp'
  | 'listing-outlook'
  | 'planning'
  | 'applying'
  | 'saving'
  | 'done'
  | 'failed'
  | 'waiting_confirmation';

/** A failure that stopped the whole run (auth, throttling budget exhausted, ERP down, a listing that failed). */
export type RunFailure = { code: SyncErrorCode | ErpErrorCode; message: string; retryAfterMs?: number };

export type RunState = {
  stage: RunStage;
  /** Operations finished (applied or failed) out of `total`; both 0 until the plan is known. */
  done: number;
  total: number;
  startedAt: string;
  stageStartedAt: string;
  /** The plan held removals back: the run ends waiting for the user's confirmation. */
  needsConfirmation: boolean;
  failure?: RunFailure;
};

/** What happened, with when (the runner's clock); `advanceRun` turns it into the next state. */
export type RunEvent =
  | { type: 'erp-listed'; at: string }
  | { type: 'outlook-listed'; at: string }
  | { type: 'planned'; at: string; total: number; needsConfirmation: boolean }
  | { type: 'operation-finished'; at: string }
  | { type: 'applied'; at: string }
  | { type: 'saved'; at: string }
  | { type: 'failed'; at: string; failure: RunFailure };
