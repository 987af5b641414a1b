import { request } from 'node:https';

/**
 * A `fetch` for GETs over HTTPS that trusts one extra certificate authority besides the system's:
 * for an identity server with a private certificate (the local stand-in, or a company's own CA).
 * Node's global `fetch` cannot be given a CA once the process has started.
 */
export function createTrustingFetch(certificate: string, timeoutMs = 10_000) {
  return (input: string | URL, init: { headers?: HeadersInit; signal?: AbortSignal } = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      const outgoing = request(input, { method: 'GET', headers: Object.fromEntries(new Headers(init.headers).entries()), ca: certificate, timeout: timeoutMs, signal: init.signal }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          const status = incoming.statusCode ?? 502;
          resolve(new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers }));
        });
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error(`GET ${String(input)} timed out after ${timeoutMs} ms`)));
      outgoing.on('error', reject);
      outgoing.end();
    });
}
