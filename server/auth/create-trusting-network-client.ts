import { request } from 'node:https';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/**
 * An MSAL network client that trusts one extra certificate (the stand-in's), for processes that
 * cannot set NODE_EXTRA_CA_CERTS before they start. MSAL's own client uses global `fetch`,
 * which cannot be given a CA in process.
 */
export function createTrustingNetworkClient(certificate: string, timeoutMs = 10_000): INetworkModule {
  const send = <T>(method: 'GET' | 'POST', url: string, options: NetworkRequestOptions = {}, timeout = timeoutMs) =>
    new Promise<NetworkResponse<T>>((resolve, reject) => {
      const outgoing = request(url, { method, headers: options.headers, ca: certificate, timeout }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          try {
            resolve({ status: incoming.statusCode ?? 0, headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (error) {
            reject(error);
          }
        });
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error(`${method} ${url} timed out after ${timeout} ms`)));
      outgoing.on('error', reject);
      outgoing.end(options.body);
    });
  return {
    sendGetRequestAsync: (url, options, timeout) => send('GET', url, options, timeout),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
