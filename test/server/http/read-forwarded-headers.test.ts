import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { createLogger } from '../../../server/create-logger';
import type { ForwardedHeaderOptions } from '../../../server/http/read-forwarded-headers';
import { openStore } from '../../../server/store/open-store';
import type { Store } from '../../../server/store/store';

interface RunningApp {
  url: string;
  /** The `client` of each request log line. */
  clients: (string | undefined)[];
  close(): Promise<void>;
}

let store: Store;
const running: RunningApp[] = [];

beforeAll(async () => {
  store = await openStore('sqlite::memory:');
});
afterAll(async () => {
  await Promise.all(running.map((app) => app.close()));
  await store.close();
});

/** The bridge's app on a real loopback socket, so the peer address is 127.0.0.1 as a local proxy's would be. */
async function start(transport: ForwardedHeaderOptions): Promise<RunningApp> {
  const clients: (string | undefined)[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { msg: string; client?: string };
        if (entry.msg === 'request') clients.push(entry.client);
      }
      done();
    },
  });
  const app = createApp({ environments: new Map(), store, authenticate: () => Promise.reject(new Error('no tokens here')), logger: createLogger({ level: 'info', destination }), transport });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(listening));
  });
  const started: RunningApp = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clients,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  running.push(started);
  return started;
}

const proxyHeaders = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'bridge.example.com', 'x-forwarded-for': '203.0.113.7, 127.0.0.1' };

async function serverUrl(app: RunningApp, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/openapi.json`, { headers });
  expect(response.status).toBe(200);
  const document = (await response.json()) as { servers: { url: string }[] };
  return document.servers.map((server) => server.url);
}

describe('behind a trusted reverse proxy', () => {
  it('builds absolute URLs from X-Forwarded-Proto and -Host, and logs the client from X-Forwarded-For', async () => {
    const app = await start({ trustProxy: ['loopback'], https: false });
    expect(await serverUrl(app, proxyHeaders)).toEqual(['https://bridge.example.com']);
    await expect.poll(() => app.clients).toEqual(['203.0.113.7']);
  });

  it('uses the request’s own origin when the proxy sends no forwarded headers', async () => {
    const app = await start({ trustProxy: ['loopback'], https: false });
    expect(await serverUrl(app)).toEqual([app.url]);
  });

  it('answers 400 to a forwarded protocol that is neither http nor https', async () => {
    const app = await start({ trustProxy: ['loopback'], https: false });
    const response = await fetch(`${app.url}/openapi.json`, { headers: { ...proxyHeaders, 'x-forwarded-proto': 'gopher' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 'invalid_input', message: 'X-Forwarded-Proto from the proxy must be http or https, not "gopher"' });
  });
});

describe('with no trusted proxy', () => {
  it('ignores the forwarded headers, so a client cannot claim another origin or address', async () => {
    const app = await start({ trustProxy: [], https: false });
    expect(await serverUrl(app, proxyHeaders)).toEqual([app.url]);
    await expect.poll(() => app.clients).toEqual(['127.0.0.1']);
  });

  it('ignores them from a peer that is not one of the trusted proxies', async () => {
    const app = await start({ trustProxy: ['10.0.0.0/8'], https: false });
    expect(await serverUrl(app, proxyHeaders)).toEqual([app.url]);
  });
});

describe('with a public URL configured', () => {
  it('builds absolute URLs from it, whatever the request says', async () => {
    const app = await start({ trustProxy: ['loopback'], https: false, publicUrl: 'https://erp.contoso.example/' });
    expect(await serverUrl(app, proxyHeaders)).toEqual(['https://erp.contoso.example']);
  });
});
