import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../dev/m365/identity/demo-directory';
import { createTrustingFetch } from '../../server/auth/create-trusting-fetch';

async function freePortBlock(): Promise<number> {
  // Three consecutive ports: bridge, identity server, Graph emulator. Below Linux's ephemeral range
  // (32768 and up), so no outgoing connection of a parallel test takes one between this check and their use.
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await Promise.all([0, 1, 2].map((offset) => new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(base + offset, '127.0.0.1', () => server.close(() => resolve(true)));
    })));
    if (free.every(Boolean)) return base;
  }
  throw new Error('no free ports');
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'npm-start-'));
  let stop = () => {};
  afterAll(() => {
    stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /healthz within 30 s on the demo defaults and describes every route', async () => {
    const port = await freePortBlock();
    const child = spawn('npm', ['start'], { env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    stop = () => {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    };
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = Date.now();
    let healthy = false;
    while (Date.now() - started < 30_000 && !healthy) {
      healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(healthy, output).toBe(true);
    const document = (await (await fetch(`http://127.0.0.1:${port}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/me', '/api/contacts', '/api/log/email', '/api/log/meeting']));
    // The banner follows the servers' start: wait for it rather than for a guessed time.
    await expect.poll(() => output, { timeout: 20_000 }).toContain(`Bridge API        http://127.0.0.1:${port}`);
    expect(output).toContain('Graph emulator');

    // Scopes follow the port, admins and the App IDs their Admin view asks for are named, and the token command works.
    const scope = `api://localhost:${port}/${demoIds.bridgeClientId}/access_as_user`;
    expect(output).toContain(`scope ${scope}`);
    expect(output).toMatch(new RegExp(`contoso +App ID ${demoIds.bridgeClientId} +admins: lucia\\.martinez@contosoiberica\\.onmicrosoft\\.com`));
    expect(output).toMatch(new RegExp(`fabrikam +App ID ${demoIds.fabrikamBridgeClientId} +admins: amelie\\.dubois@fabrikamfrance\\.onmicrosoft\\.com`));
    expect(output).not.toMatch(/serveStatic|is not found/);
    const token = await createTrustingFetch(readFileSync(join(dataDir, 'm365-certificate.pem'), 'utf8'))(`https://127.0.0.1:${port + 1}/organizations/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: demoIds.bridgeClientId, username: 'inigo.urrutia@contosoiberica.onmicrosoft.com', password: demoIds.password, scope }).toString(),
    });
    expect(token.status).toBe(200);
    const call = await fetch(`http://127.0.0.1:${port}/api/me`, { headers: { authorization: `Bearer ${((await token.json()) as { access_token: string }).access_token}` } });
    expect(call.status).toBe(200);
  }, 60_000);
});
