import { describe, expect, it } from 'vitest';
import { parseGraphError } from '../../../src/graph/parse-graph-error';
import { SyncError } from '../../../src/sync/sync-error';

const graphError = (code: string, message = 'A message from Graph.') => ({ error: { code, message, innerError: {} } });

describe('parseGraphError', () => {
  it.each([
    [400, 'RequestBodyRead', 'invalid_input'],
    [401, 'InvalidAuthenticationToken', 'auth_required'],
    [403, 'ErrorAccessDenied', 'forbidden'],
    [404, 'ErrorItemNotFound', 'not_found'],
    [409, 'ErrorFolderExists', 'conflict'],
    [410, 'syncStateNotFound', 'cursor_expired'],
    [412, 'ErrorIrresolvableConflict', 'precondition_failed'],
    [424, 'FailedDependency', 'dependency_failed'],
    [429, 'ApplicationThrottled', 'throttled'],
    [500, 'generalException', 'unavailable'],
    [503, 'ServiceUnavailable', 'unavailable'],
    [504, 'GatewayTimeout', 'unavailable'],
  ] as const)('reads %i %s as %s', (status, graphCode, code) => {
    const error = parseGraphError(status, graphError(graphCode));

    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ code, status, graphCode });
    expect(error.message).toContain(graphCode);
  });

  it('reads any 4xx whose code names a lost sync state as cursor_expired, whatever the casing', () => {
    for (const code of ['SyncStateNotFound', 'syncStateNotFound', 'resyncRequired']) {
      expect(parseGraphError(400, graphError(code)).code).toBe('cursor_expired');
    }
  });

  it('reads a fractional Retry-After as milliseconds, from response headers or a $batch item', () => {
    const response = { status: 429, headers: new Headers({ 'Retry-After': '2.128' }) };

    expect(parseGraphError(response, graphError('TooManyRequests')).retryAfterMs).toBe(2128);
    expect(parseGraphError(503, graphError('ServiceUnavailable'), { 'Retry-After': '5' }).retryAfterMs).toBe(5000);
  });

  it('reads a Retry-After given as an HTTP date against the clock it is given', () => {
    const nowMs = Date.parse('2025-02-13T10:17:05Z');

    const error = parseGraphError(429, undefined, { 'retry-after': 'Thu, 13 Feb 2025 10:17:35 GMT' }, nowMs);

    expect(error.retryAfterMs).toBe(30_000);
  });

  it('marks answers that may come after the work was done (500, 502, 504) as outcome unknown, and 429 and 503 not', () => {
    expect([500, 502, 504].map((status) => parseGraphError(status, undefined).outcomeUnknown)).toEqual([true, true, true]);
    expect([429, 503, 404].map((status) => parseGraphError(status, undefined).outcomeUnknown)).toEqual([false, false, false]);
  });

  it('reads a connection reset (no answer at all) as unavailable with an unknown outcome', () => {
    const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });

    const error = parseGraphError(reset);

    expect(error).toMatchObject({ code: 'unavailable', status: undefined, outcomeUnknown: true });
    expect(error.message).toContain('other side closed');
    expect(error.cause).toBe(reset);
  });

  it('keeps a body that is not Graph JSON out of the code but still reads the status', () => {
    expect(parseGraphError(502, '<html>Bad gateway</html>')).toMatchObject({ code: 'unavailable', graphCode: undefined });
  });
});
