import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate, type TlsCertificate } from '../../dev/m365/identity/create-self-signed-certificate';
import { createTrustingFetch } from '../../server/auth/create-trusting-fetch';
import { ConfigError, parseConfig } from '../../server/config/load-config';
import { startBridge } from '../../server/main';

let directory = '';
let certificate: TlsCertificate;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'bridge-https-'));
  certificate = await createSelfSignedCertificate();
  writeFileSync(join(directory, 'bridge.pem'), certificate.cert);
  writeFileSync(join(directory, 'bridge-key.pem'), certificate.key);
}, 30_000);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const config = (tls: { certFile: string; keyFile: string }) =>
  parseConfig({
    environments: [{ environment: 'acme', tenantId: '11111111-2222-3333-4444-555555555555', applicationId: '66666666-7777-8888-9999-000000000000', erp: { adapter: 'demo', file: ':memory:', contacts: 0 } }],
    server: { port: 0, tls },
    store: { url: 'sqlite::memory:' },
    jobs: { intervalMinutes: 0 },
  });

describe('the bridge with server.tls', () => {
  it('serves HTTPS with the configured certificate', async () => {
    const bridge = await startBridge(config({ certFile: 'bridge.pem', keyFile: 'bridge-key.pem' }), { baseDir: directory, logger: pino({ level: 'silent' }) });
    try {
      expect(bridge.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const response = await createTrustingFetch(certificate.cert)(`${bridge.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
      // A client that does not trust the certificate is refused by TLS, not answered in plain HTTP.
      await expect(fetch(`${bridge.url}/healthz`)).rejects.toThrow();
    } finally {
      await bridge.close();
    }
  });

  it('serves https://localhost with the certificates office-addin-dev-certs makes for a real Outlook', async () => {
    // What `npm run certs` makes in ~/.office-addin-dev-certs and trusts system-wide; here in a folder, trusted by this client only.
    const devCerts = join(directory, 'office-addin-dev-certs');
    await generateCertificates(join(devCerts, 'ca.crt'), join(devCerts, 'localhost.crt'), join(devCerts, 'localhost.key'), 1);
    const bridge = await startBridge(config({ certFile: 'office-addin-dev-certs/localhost.crt', keyFile: 'office-addin-dev-certs/localhost.key' }), { baseDir: directory, logger: pino({ level: 'silent' }) });
    try {
      const port = new URL(bridge.url).port;
      const response = await createTrustingFetch(readFileSync(join(devCerts, 'ca.crt'), 'utf8'))(`https://localhost:${port}/healthz`);
      expect(response.status).toBe(200);
    } finally {
      await bridge.close();
    }
  });

  it('does not start when a file is missing, and says which key names it', async () => {
    const start = startBridge(config({ certFile: 'bridge.pem', keyFile: 'missing-key.pem' }), { baseDir: directory, logger: pino({ level: 'silent' }) });
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(`server.tls.keyFile: cannot read ${join(directory, 'missing-key.pem')}: ENOENT`);
  });
});
