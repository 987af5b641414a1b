import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { type MetricsEndpoint, serveMetrics } from './serve-metrics';

export interface MetricsServer {
  /** `http://127.0.0.1:9464`: where scrapers find `/metrics`. */
  url: string;
  close(): Promise<void>;
}

/**
 * A listener of its own that serves only `/metrics` (`metrics.port`), bound to loopback unless
 * `metrics.host` says otherwise, so the public API's port never shows the metrics.
 *
 * @example
 * const server = await startMetricsServer({ registry: metrics.registry }, { host: '127.0.0.1', port: 9464 });
 */
export async function startMetricsServer(endpoint: MetricsEndpoint, listen: { host: string; port: number }): Promise<MetricsServer> {
  const app = new Hono();
  app.get('/metrics', serveMetrics(endpoint));
  app.notFound((c) => c.json({ code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}: this listener serves GET /metrics` }, 404));
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const listening = serve({ fetch: app.fetch, hostname: listen.host, port: listen.port }, () => resolve(listening));
    listening.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
