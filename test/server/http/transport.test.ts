import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeFrameAncestors, officeJsOrigin } from '../../../server/http/security-headers';
import { createTestBridge, type TestBridge } from '../support/create-test-bridge';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let bridge: TestBridge;
let server: ReturnType<typeof serve>;
let port = 0;
let staticRoot = '';
/** One socket at a time, kept alive: a request reuses the connection the previous one left open. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  staticRoot = mkdtempSync(join(tmpdir(), 'taskpane-'));
  writeFileSync(join(staticRoot, 'taskpane.html'), '<!doctype html><title>ERP Bridge</title><div id="root"></div>');
  bridge = await createTestBridge({ contacts: 20, deps: { maxBodyBytes: 10_000, frameAncestors: ['https://outlook.example.com'] }, app: { staticRoot } });
  server = await new Promise((resolve) => {
    const listening = serve({ fetch: bridge.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(listening));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  agent.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(staticRoot, { recursive: true, force: true });
  await bridge.close();
});

/** A real HTTP/1.1 request on the shared keep-alive agent. */
function call(method: string, path: string, options: { body?: string; token?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(options.body) });
    const outgoing = request({ host: '127.0.0.1', port, method, path, agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

describe('connections', () => {
  it('closes the connection after a 413 instead of keeping it alive and dropping it, so the next request succeeds', async () => {
    const tooLarge = await call('POST', '/api/contacts', { body: JSON.stringify({ notes: 'x'.repeat(200_000) }), token: bridge.tokens.inigo });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.connection).toBe('close');
    expect(JSON.parse(tooLarge.body)).toEqual({ code: 'invalid_input', message: 'request body too large' });

    expect((await call('GET', '/healthz')).status).toBe(200);
  });

  it.each([
    ['an unknown route', 'POST', '/api/nowhere'],
    ['a refused token', 'POST', '/api/me/settings'],
  ])('closes the connection after a body %s never read, so the next request succeeds', async (_case, method, path) => {
    const unread = await call(method, path, { body: JSON.stringify({ filler: 'y'.repeat(9_000) }), token: 'not-a-token' });
    expect(unread.status).toBeGreaterThanOrEqual(400);
    expect(unread.headers.connection).toBe('close');

    expect((await call('GET', '/healthz')).status).toBe(200);
  });

  it('keeps the connection alive after a body the route read', async () => {
    const read = await call('PUT', '/api/me/settings', { body: JSON.stringify({ enabled: false }), token: bridge.tokens.inigo });
    expect(read.status).toBe(200);
    expect(read.headers.connection).toBe('keep-alive');
  });
});

describe('headers', () => {
  it.each(['/healthz', '/api/me', '/openapi.json', '/docs', '/docs/swagger-ui.css', '/taskpane.html', '/nowhere'])('sends X-Content-Type-Options: nosniff and no server banner on %s', async (path) => {
    const answer = await call('GET', path, { token: bridge.tokens.inigo });
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers.server).toBeUndefined();
    expect(answer.headers['x-powered-by']).toBeUndefined();
  });

  it('gives the API page a CSP with scripts from the bridge only, never framed, and no inline script', async () => {
    const answer = await call('GET', '/docs');
    const policy = String(answer.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(answer.body).not.toMatch(/<script>(?!<)/);
    expect((await call('GET', '/docs/start-api-page.js')).status).toBe(200);
  });

  it('gives the taskpane a CSP with scripts from the bridge and Office.js, framed only by Office hosts and the configured origins', async () => {
    const answer = await call('GET', '/taskpane.html');
    expect(answer.status).toBe(200);
    const policy = String(answer.headers['content-security-policy']);
    expect(policy).toContain(`script-src 'self' ${officeJsOrigin};`);
    expect(policy).toContain(`frame-ancestors 'self' ${officeFrameAncestors.join(' ')} https://outlook.example.com`);
    expect(answer.headers['x-frame-options']).toBeUndefined();
  });
});
