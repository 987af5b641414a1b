import type { TokenSource } from '../auth/token-source';
import { BridgeError, toBridgeError } from './bridge-error';

export interface BridgeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

export type SendBridgeRequest = <T>(request: BridgeRequest) => Promise<T>;

/**
 * One authenticated JSON call to the bridge. A 401 gets one retry with a fresh token (the cached
 * one may have been revoked); any other failure becomes a `BridgeError`.
 */
export function createBridgeRequest(baseUrl: string, tokens: TokenSource, fetchImpl: typeof fetch): SendBridgeRequest {
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
    if (!response.ok) throw await toBridgeError(response);
    try {
      return (await response.json()) as T;
    } catch (error) {
      throw new BridgeError('internal', 'the bridge sent an answer that is not JSON', response.status, { cause: error });
    }
  };
}
