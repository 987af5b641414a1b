import type { TokenSource } from '../auth/token-source';
import { BridgeError, toBridgeError } from './bridge-error';
import { readRetryAfter } from './read-retry-after';

export interface BridgeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

export type SendBridgeRequest = <T>(request: BridgeRequest) => Promise<T>;

/** How the client waits out a 429: the bridge's `Retry-After`, if short enough to wait in the pane. */
export interface BridgePacing {
  /** Resolves after `ms`; a timer by default, injected by tests. */
  wait?: (ms: number) => Promise<void>;
  /** A longer `Retry-After` fails at once with `throttled` (the message says when to try again). */
  maxWaitMs?: number;
  /** Retries of one request after 429s. */
  maxRetries?: number;
  now?: () => Date;
}

const waitFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One authenticated JSON call to the bridge. A 401 gets one retry with a fresh token (the cached
 * one may have been revoked); a 429 is retried after the `Retry-After` the bridge sends, when that
 * is short; any other failure becomes a `BridgeError`.
 */
export function createBridgeRequest(baseUrl: string, tokens: TokenSource, fetchImpl: typeof fetch, pacing: BridgePacing = {}): SendBridgeRequest {
  const { wait = waitFor, maxWaitMs = 10_000, maxRetries = 2, now = () => new Date() } = pacing;
  async function send(request: BridgeRequest, forceRefresh: boolean): Promise<Response> {
    const token = await tokens.getToken({ forceRefresh });
    const url = new URL(request.path, baseUrl);
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetchImpl(url, {
        method: request.method ?? 'GET',
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
    } catch (error) {
      throw new BridgeError('unavailable', 'the bridge cannot be reached; check the connection', 0, { cause: error });
    }
  }

  return async <T>(request: BridgeRequest): Promise<T> => {
    let response = await send(request, false);
    if (response.status === 401) response = await send(request, true);
    for (let retry = 0; response.status === 429 && retry < maxRetries; retry += 1) {
      const delay = readRetryAfter(response.headers.get('retry-after'), now());
      if (delay === undefined || delay > maxWaitMs) break;
      await response.body?.cancel();
      await wait(delay);
      response = await send(request, false);
    }
    if (!response.ok) throw await toBridgeError(response);
    try {
      return (await response.json()) as T;
    } catch (error) {
      throw new BridgeError('internal', 'the bridge sent an answer that is not JSON', response.status, { cause: error });
    }
  };
}
