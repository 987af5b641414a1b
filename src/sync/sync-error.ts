/**
 * What can go wrong between the sync engine and Microsoft 365. The UI maps each code to a
 * translated message; handle them in one exhaustive `switch`.
 */
export const syncErrorCodes = [
  /** 429 (or a 424 with `Retry-After`, as an older batching page answers a throttled `$batch`), still refused after the bounded retries. */
  'throttled',
  /** 401: the token is missing, expired or refused; the user signs in again. */
  'auth_required',
  /** 403: consent, role or RBAC for Applications does not allow this mailbox. */
  'forbidden',
  'not_found',
  /** 410, or `syncStateNotFound`/`resyncRequired`: drop the delta link and resync from scratch. */
  'cursor_expired',
  /** 409: the item or folder already exists. */
  'conflict',
  /** 412: the etag sent with `If-Match` is stale; read again, merge, retry. */
  'precondition_failed',
  /** 424: a `$batch` request whose dependency failed. */
  'dependency_failed',
  /** 400 and other 4xx: our request is wrong; retrying will not help. */
  'invalid_input',
  /** 5xx, gateway timeouts, connection resets, and answers that are neither success nor error (a 3xx, a delta round without an end). */
  'unavailable',
] as const;

export type SyncErrorCode = (typeof syncErrorCodes)[number];

export interface SyncErrorDetails {
  /** The HTTP status, absent when no answer came (connection reset, timeout). */
  status?: number;
  /** How long the service asked us to wait, in milliseconds (`Retry-After` may be fractional). */
  retryAfterMs?: number;
  /**
   * Graph's own `error.code`, e.g. `ErrorItemNotFound`, kept for logs and support; for a token
   * refused by the identity platform, its suberror (`consent_required`).
   */
  graphCode?: string;
  /**
   * The request may have been carried out although no success came back (reset, 502, 504):
   * a create must look for its own item before it is sent again.
   */
  outcomeUnknown?: boolean;
  cause?: unknown;
}

/** The one error type of the sync boundary; per-item failures carry it as data in the run report. */
export class SyncError extends Error {
  override readonly name = 'SyncError';
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly graphCode: string | undefined;
  readonly outcomeUnknown: boolean;

  constructor(
    readonly code: SyncErrorCode,
    message: string,
    details: SyncErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.graphCode = details.graphCode;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
  }
}
