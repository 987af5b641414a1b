import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, parseConfig, resolveSecret } from '../../../server/config/load-config';

const environment = {
  environment: 'acme',
  tenantId: '11111111-2222-3333-4444-555555555555',
  applicationId: '66666666-7777-8888-9999-000000000000',
  erp: { adapter: 'demo' },
};

const errorOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
};

describe('configuration', () => {
  it('fills the defaults of a minimal environment list', () => {
    const config = parseConfig({ environments: [environment] });
    expect(config.environments[0]).toMatchObject({ mode: 'delegated', sync: { contacts: { defaultDirection: 'erp-to-outlook', defaultConflicts: 'erp-wins' }, inviteAttendees: false } });
    expect(config.store.url).toBe('sqlite:./data/bridge.db');
    expect(config.identity.authority).toBe('https://login.microsoftonline.com');
  });

  it('keeps the metrics off unless told, their listener on loopback, and their token a secret reference', () => {
    expect(parseConfig({ environments: [environment] }).metrics).toEqual({ host: '127.0.0.1' });
    expect(parseConfig({ environments: [environment], metrics: { port: 9464, token: { env: 'METRICS_TOKEN' } } }).metrics).toEqual({ host: '127.0.0.1', port: 9464, token: { env: 'METRICS_TOKEN' } });
    const inline = errorOf(() => parseConfig({ environments: [environment], metrics: { token: 'written-in-the-file-0123' } }));
    expect(inline.message).toContain('metrics.token: a secret reference');
  });

  it('names the key and the expected shape of a bad value', () => {
    const error = errorOf(() => parseConfig({ environments: [{ ...environment, tenantId: 'acme.onmicrosoft.com' }] }, 'bridge.config.json'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('bridge.config.json is not valid');
    expect(error.message).toContain('environments[0].tenantId: a GUID');
  });

  it('refuses an admin named by email: admins are object ids or holders of the Bridge.Admin app role', () => {
    const error = errorOf(() => parseConfig({ environments: [{ ...environment, admins: ['it@acme.example'] }] }));
    expect(error.message).toContain('environments[0].admins[0]');
    expect(error.message).toContain('not an email');
    expect(parseConfig({ environments: [{ ...environment, admins: ['0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b'] }] }).environments[0]?.admins).toHaveLength(1);
  });

  it('takes a link template to ERP actions only as an https URL holding {id}', () => {
    const template = 'https://erp.acme.example/actions/{id}';
    expect(parseConfig({ environments: [{ ...environment, actionUrlTemplate: template }] }).environments[0]?.actionUrlTemplate).toBe(template);

    const error = errorOf(() => parseConfig({ environments: [{ ...environment, actionUrlTemplate: 'javascript:alert(1)//{id}' }] }));
    expect(error.message).toContain('actionUrlTemplate');
    expect(errorOf(() => parseConfig({ environments: [{ ...environment, actionUrlTemplate: 'https://erp.acme.example/actions' }] })).message).toContain('{id}');
  });

  it('refuses a secret written inline', () => {
    const error = errorOf(() => parseConfig({ environments: [{ ...environment, clientSecret: 'p4ssw0rd' }] }));
    expect(error.message).toContain('environments[0].clientSecret');
    expect(error.message).toContain('never written inline');
    expect(error.message).not.toContain('p4ssw0rd');
  });

  it('refuses unknown keys, so typos do not pass silently', () => {
    const error = errorOf(() => parseConfig({ environments: [{ ...environment, tenantID: 'x' }] }));
    expect(error.message).toMatch(/environments\[0\].*tenantID/);
  });

  it('refuses two environments with the same name', () => {
    const error = errorOf(() => parseConfig({ environments: [environment, environment] }));
    expect(error.message).toContain('environments[1].environment: "acme" is listed twice');
  });

  it('refuses the pg-boss jobs engine over a store that is not PostgreSQL, naming the key', () => {
    const error = errorOf(() => parseConfig({ environments: [environment], jobs: { engine: 'pg-boss' } }));
    expect(error.message).toContain('jobs.engine: "pg-boss" keeps its job queue in PostgreSQL');
    expect(parseConfig({ environments: [environment], store: { url: 'postgres://bridge@db/bridge' }, jobs: { engine: 'pg-boss' } }).jobs.engine).toBe('pg-boss');
  });

  it('leases a pg-boss run for 45 s unless told, and refuses a lease under 3 s, naming the key', () => {
    expect(parseConfig({ environments: [environment] }).jobs.runLeaseSeconds).toBe(45);
    expect(parseConfig({ environments: [environment], jobs: { runLeaseSeconds: 20 } }).jobs.runLeaseSeconds).toBe(20);
    expect(errorOf(() => parseConfig({ environments: [environment], jobs: { runLeaseSeconds: 1 } })).message).toContain('jobs.runLeaseSeconds');
  });

  it('reads secrets from the environment and from files, naming what is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    writeFileSync(join(dir, 'secret.txt'), 's3cret\n');
    expect(resolveSecret({ env: 'ACME_SECRET' }, { ACME_SECRET: 'abc' })).toBe('abc');
    expect(resolveSecret({ file: 'secret.txt' }, {}, dir)).toBe('s3cret');
    expect(errorOf(() => resolveSecret({ env: 'ACME_SECRET' }, {})).message).toBe('secret environment variable ACME_SECRET is not set');
    expect(errorOf(() => resolveSecret({ file: 'nope.txt' }, {}, dir)).message).toBe('cannot read secret file nope.txt: ENOENT');
  });

  it('reports a file that is not JSON with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    const path = join(dir, 'bridge.config.json');
    writeFileSync(path, '{ "environments": [ }');
    expect(errorOf(() => loadConfigFile(path)).message).toMatch(/bridge\.config\.json is not JSON/);
  });
});

describe('server transport settings', () => {
  it('takes TLS files and trusted proxies, and trusts no proxy by default', () => {
    expect(parseConfig({ environments: [environment] }).server.trustProxy).toEqual([]);
    const config = parseConfig({ environments: [environment], server: { tls: { certFile: 'tls/bridge.pem', keyFile: 'tls/bridge-key.pem' }, trustProxy: ['loopback', '10.0.0.0/8', '2001:db8::1'] } });
    expect(config.server).toMatchObject({ tls: { certFile: 'tls/bridge.pem', keyFile: 'tls/bridge-key.pem' }, trustProxy: ['loopback', '10.0.0.0/8', '2001:db8::1'] });
  });

  it('names a trusted proxy that is no address and a TLS setting without its key', () => {
    const error = errorOf(() => parseConfig({ environments: [environment], server: { trustProxy: ['proxy.example.com'], tls: { certFile: 'tls/bridge.pem' } } }));
    expect(error.message).toContain('server.trustProxy[0]: an IP address, a CIDR range such as 10.0.0.0/8, or loopback, linklocal, uniquelocal');
    expect(error.message).toContain('server.tls.keyFile:');
  });
});
