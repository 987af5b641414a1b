import { request } from 'node:https';

export interface TrustingFetchInit {
  method?: string;
  headers?: HeadersInit;
  body?: string | Uint8Array | null;
  signal?: AbortSignal | null;
}

/**
 * A `fetch` over HTTPS that trusts one extra certificate authority besides the system's: for an
 * identity server or Graph stand-in with a private certificate (the local Microsoft 365, or a
 * company's own CA). Node's global `fetch` cannot be given a CA once the process has started.
 */
export function createTrustingFetch(certificate: string, timeoutMs = 30_000) {
  return (input: string | URL, init: TrustingFetchInit = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      const method = init.method ?? 'GET';
      const headers = Object.fromEntries(new Headers(init.headers).entries());
      const outgoing = request(input, { method, headers, ca: certificate, timeout: timeoutMs, signal: init.signal ?? undefined }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value !== undefined) answerHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          const status = incoming.statusCode ?? 502;
          resolve(new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers: answerHeaders }));
        });
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error(`${method} ${String(input)} timed out after ${timeoutMs} ms`)));
      outgoing.on('error', reject);
      outgoing.end(init.body ?? undefined);
    });
}
