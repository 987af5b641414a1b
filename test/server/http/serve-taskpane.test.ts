import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../server/app';
import { createLogger } from '../../../server/create-logger';
import { openStore } from '../../../server/store/open-store';
import type { Store } from '../../../server/store/store';

/** A script large enough to be worth compressing, as webpack writes it with its two copies. */
const script = `export const greeting = ${JSON.stringify('hola '.repeat(2_000))};\n`;
const scriptFile = 'taskpane.0a1b2c3d.js';
const page = '<!doctype html><title>ERP Bridge</title><script src="taskpane.0a1b2c3d.js"></script>';

let root = '';
let store: Store;

function bridge(staticRoot: string, lines: string[] = []) {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return createApp(
    { environments: new Map(), store, authenticate: () => Promise.reject(new Error('no tokens here')), logger: createLogger({ level: 'info', destination }) },
    { staticRoot },
  );
}

function writeBuild(directory: string) {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'taskpane.html'), page);
  writeFileSync(join(directory, scriptFile), script);
  writeFileSync(join(directory, `${scriptFile}.br`), brotliCompressSync(script));
  writeFileSync(join(directory, `${scriptFile}.gz`), gzipSync(script));
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'taskpane-build-'));
  writeBuild(root);
  store = await openStore('sqlite::memory:');
});
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await store.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('the taskpane build, served by the bridge', () => {
  it('sends the brotli copy when the browser accepts br, as a cacheable script that varies by encoding', async () => {
    const response = await bridge(root).request(`/${scriptFile}`, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(await body(response)).toString('utf8')).toBe(script);
  });

  it('sends the gzip copy to a client that accepts gzip but not br', async () => {
    const response = await bridge(root).request(`/${scriptFile}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(gunzipSync(await body(response)).toString('utf8')).toBe(script);
  });

  it('sends the file itself to a client that accepts no compression, still saying that the answer varies', async () => {
    const response = await bridge(root).request(`/${scriptFile}`);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect((await body(response)).toString('utf8')).toBe(script);
  });

  it('never compresses an answer twice: the precompressed copy passes the on-the-fly compression untouched', async () => {
    const response = await bridge(root).request(`/${scriptFile}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(Number(response.headers.get('content-length'))).toBe(brotliCompressSync(script).length);
  });

  it('has pages revalidated on every load, so a new build is picked up at once', async () => {
    const response = await bridge(root).request('/taskpane.html', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('starts quietly before the add-in is built and serves the build from the moment it appears', async () => {
    const later = join(root, 'later');
    const errors = vi.spyOn(console, 'error');
    const lines: string[] = [];
    const app = bridge(later, lines);
    expect(errors).not.toHaveBeenCalled();
    expect(lines.map((line) => JSON.parse(line) as { level: number; msg: string })).toEqual([
      expect.objectContaining({ level: 30, msg: 'the add-in is not built yet; it is served once the build is there' }),
    ]);
    expect((await app.request('/taskpane.html')).status).toBe(404);

    writeBuild(later);
    const response = await app.request('/taskpane.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(page);
    expect(errors).not.toHaveBeenCalled();
  });
});

describe('API answers', () => {
  it('are compressed with gzip when the client accepts it', async () => {
    const response = await bridge(root).request('/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(JSON.parse(gunzipSync(await body(response)).toString('utf8'))).toMatchObject({ openapi: '3.1.0' });
  });

  it('are sent as they are to a client that accepts no compression', async () => {
    const response = await bridge(root).request('/openapi.json');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.json()).toMatchObject({ openapi: '3.1.0' });
  });
});
