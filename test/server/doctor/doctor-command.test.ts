import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { startMicrosoft365, type Microsoft365 } from '../../../dev/m365/start-microsoft-365';
import { doctorCommand } from '../../../server/doctor/doctor-command';

let m365: Microsoft365;
let directory: string;
let configPath: string;

beforeAll(async () => {
  m365 = await startMicrosoft365({ https: true });
  directory = mkdtempSync(join(tmpdir(), 'doctor-'));
  writeFileSync(join(directory, 'm365.pem'), m365.certificate ?? '');
  configPath = join(directory, 'bridge.config.json');
  writeFileSync(configPath, JSON.stringify({
    environments: [
      {
        environment: 'fabrikam', tenantId: demoIds.fabrikamTenantId, applicationId: demoIds.fabrikamBridgeClientId, mode: 'app-only',
        clientSecret: { env: 'FABRIKAM_CLIENT_SECRET' }, erp: { adapter: 'demo', file: './erp.db', contacts: 5 },
      },
      { environment: 'contoso', tenantId: demoIds.contosoTenantId, applicationId: demoIds.bridgeClientId, clientSecret: { env: 'CONTOSO_CLIENT_SECRET' }, erp: { adapter: 'demo', file: './erp-contoso.db', contacts: 5 } },
    ],
    identity: { authority: m365.identity.url, trustedCertificateFile: './m365.pem' },
    graph: { baseUrl: `${m365.graph.url}/v1.0`, trustedCertificateFile: './m365.pem' },
    store: { url: 'sqlite:./bridge.db' },
  }));
});

afterAll(async () => {
  await m365?.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('npm run doctor', () => {
  it('prints one line per check of the chosen environment and exits 0 when nothing fails', async () => {
    const { output, exitCode } = await doctorCommand(['--config', configPath, '--env', 'fabrikam'], { FABRIKAM_CLIENT_SECRET: demoIds.fabrikamBridgeClientSecret });
    const lines = output.split('\n');
    expect(lines[0]).toBe('Environment fabrikam (app-only)');
    expect(lines.slice(1).map((line) => line.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'ok token-endpoint', 'ok client-secret', 'warn secret-expiry', 'ok admin-consent', 'ok graph-permissions',
      'ok mailbox-access', 'ok contact-folders', 'ok erp', 'warn public-url', 'ok clock',
    ]);
    expect(output).not.toContain(demoIds.fabrikamBridgeClientSecret);
    expect(exitCode).toBe(0);
  });

  it('exits 1 and says what to fix when a check fails, for every environment', async () => {
    const { output, exitCode } = await doctorCommand(['--config', configPath], { FABRIKAM_CLIENT_SECRET: 'a-wrong-secret' });
    expect(output).toMatch(/^ {2}fail {2}client-secret +The client secret is wrong \(AADSTS7000215\)\. Fix: Use the secret's Value/m);
    expect(output).toContain('Environment contoso (delegated)');
    expect(output).toMatch(/^ {2}fail {2}client-secret +The client secret cannot be read: secret environment variable CONTOSO_CLIENT_SECRET is not set\./m);
    expect(output).not.toContain('a-wrong-secret');
    expect(exitCode).toBe(1);
  });

  it('refuses an environment the configuration does not have', async () => {
    expect(await doctorCommand(['--config', configPath, '--env', 'nowhere'], {})).toEqual({ output: 'No environment named nowhere in the configuration.', exitCode: 2 });
  });
});
