import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createLogger } from '../../server/create-logger';
import { openStore } from '../../server/store/open-store';
import { stripFilePaths } from '../../server/strip-file-paths';

/** A logger writing to memory: the lines the bridge would print. */
function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

/** The install directory (node_modules is below it), as a path or a file URL. */
const installPath = new RegExp(`(file://)?${process.cwd().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

describe('the bridge app', () => {
  it('answers 503 unavailable, not 500, when the identity provider’s keys cannot be fetched', async () => {
    const store = await openStore('sqlite::memory:');
    const app = createApp({
      environments: new Map(),
      store,
      authenticate: () => Promise.reject(new TypeError('fetch failed')),
      logger: pino({ level: 'silent' }),
    });
    const response = await app.request('/api/me', { headers: { authorization: 'Bearer x.y.z' } });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ code: 'unavailable', message: 'the sign-in service cannot be reached to check the token; try again shortly' });
    await store.close();
  });

  it.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])('answers GET /docs/%s with a 404, not a 500', async (name) => {
    const store = await openStore('sqlite::memory:');
    const { logger, lines } = capturingLogger();
    const app = createApp({ environments: new Map(), store, authenticate: () => Promise.reject(new Error('unused')), logger });
    const response = await app.request(`/docs/${name}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'not_found', message: 'no such asset' });
    expect(lines.join('\n')).not.toMatch(installPath);
    await store.close();
  });

  it('logs a failure without any file path, not even the one the error names', async () => {
    const store = await openStore('sqlite::memory:');
    const { logger, lines } = capturingLogger();
    const missing = `${process.cwd()}/no-such-dir/keys.json`;
    const app = createApp({ environments: new Map(), store, authenticate: () => readFile(missing).then(() => Promise.reject(new Error('unreachable'))), logger });
    expect((await app.request('/api/me', { headers: { authorization: 'Bearer x.y.z' } })).status).toBe(503);
    const logged = lines.join('\n');
    expect(logged).toContain('ENOENT');
    expect(logged).toContain('keys.json');
    expect(logged).not.toContain(process.cwd());
    expect(logged).not.toMatch(installPath);
    await store.close();
  });
});

describe('stripFilePaths', () => {
  it('keeps file names and URLs, drops directories', () => {
    expect(stripFilePaths("ENOENT: no such file or directory, open '/opt/bridge/node_modules/swagger-ui-dist/constructor'")).toBe(
      "ENOENT: no such file or directory, open '…/constructor'",
    );
    expect(stripFilePaths('    at readFile (file:///opt/bridge/server/routes/docs-routes.ts:20:5)')).toBe('    at readFile (…/docs-routes.ts:20:5)');
    expect(stripFilePaths('C:\\bridge\\server\\app.ts:3:1')).toBe('…/app.ts:3:1');
    expect(stripFilePaths('fetch https://login.microsoftonline.com/tenant/v2.0 failed')).toBe('fetch https://login.microsoftonline.com/tenant/v2.0 failed');
  });
});
