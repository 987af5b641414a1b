import { z } from 'zod';
import { SyncError, type SyncErrorCode } from '../sync/sync-error';
import { parseRetryAfter } from './parse-retry-after';

/** Response headers, or a `$batch` item's header object (its names keep Graph's casing). */
export type HeaderSource = Headers | Readonly<Record<string, string | undefined>>;

/** The part of an HTTP answer an error is read from. */
export interface ResponseHead {
  status: number;
  headers: Headers;
}

const graphErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string().optional() }),
});

/** Graph has written this code in several casings (graph-facts §2); any 4xx carrying it means resync. */
const resyncCode = /syncstatenotfound|resyncrequired/i;

function readHeader(headers: HeaderSource | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function codeOfStatus(status: number, graphCode: string | undefined, retryAfterMs: number | undefined): SyncErrorCode {
  // Graph's batching page once answered a throttled `$batch` 424 with a `Retry-After`; its throttling page says 429.
  if (status === 424 && retryAfterMs !== undefined) return 'throttled';
  if (status === 410 || (status >= 400 && status < 500 && graphCode !== undefined && resyncCode.test(graphCode))) return 'cursor_expired';
  switch (status) {
    case 401:
      return 'auth_required';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 412:
      return 'precondition_failed';
    case 424:
      return 'dependency_failed';
    case 429:
      return 'throttled';
  }
  // A redirect (or any answer below 400 that is not a 2xx) is not what was asked for; Graph's answers are 2xx.
  return status >= 500 || status < 400 ? 'unavailable' : 'invalid_input';
}

/**
 * 500, 502 and 504 may come after the mailbox already did the work; 503 and 429 come before it,
 * and 501 (a method or feature the service does not implement) means nothing ran.
 */
const mayHaveRun = (status: number) => status >= 500 && status !== 501 && status !== 503;

/** No answer at all: a reset, refused connection or timeout. The request may or may not have run. */
function fromNetworkFailure(failure: Error): SyncError {
  if (failure instanceof SyncError) return failure;
  const cause = failure.cause instanceof Error ? `: ${failure.cause.message}` : '';
  return new SyncError('unavailable', `No answer from Microsoft Graph (${failure.message}${cause}).`, { outcomeUnknown: true, cause: failure });
}

/**
 * Turns any Graph failure into one `SyncError`: an HTTP answer (status or response, its body and
 * headers), a `$batch` item's answer, or the error `fetch` threw when no answer came.
 *
 * @example
 * parseGraphError(410, { error: { code: 'syncStateNotFound', message: '…' } }).code // 'cursor_expired'
 * parseGraphError(response, await response.json(), undefined, Date.now()).retryAfterMs // 2128 for `Retry-After: 2.128`
 */
export function parseGraphError(failure: Error): SyncError;
export function parseGraphError(statusOrResponse: number | ResponseHead, body: unknown, headers?: HeaderSource, nowMs?: number): SyncError;
export function parseGraphError(statusOrResponse: number | ResponseHead | Error, body?: unknown, headers?: HeaderSource, nowMs?: number): SyncError {
  if (statusOrResponse instanceof Error) return fromNetworkFailure(statusOrResponse);
  const status = typeof statusOrResponse === 'number' ? statusOrResponse : statusOrResponse.status;
  const headerSource = headers ?? (typeof statusOrResponse === 'number' ? undefined : statusOrResponse.headers);
  const parsed = graphErrorBodySchema.safeParse(body);
  const graphCode = parsed.success ? parsed.data.error.code : undefined;
  const graphMessage = parsed.success ? parsed.data.error.message : undefined;
  const retryAfterMs = parseRetryAfter(readHeader(headerSource, 'retry-after'), nowMs);
  const code = codeOfStatus(status, graphCode, retryAfterMs);
  const summary = [graphCode, graphMessage].filter(Boolean).join(': ');
  return new SyncError(code, `Microsoft Graph answered ${status}${summary ? ` ${summary}` : ''}.`, {
    status,
    retryAfterMs,
    graphCode,
    outcomeUnknown: mayHaveRun(status),
  });
}
