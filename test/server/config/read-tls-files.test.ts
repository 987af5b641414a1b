import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate, type TlsCertificate } from '../../../dev/m365/identity/create-self-signed-certificate';
import { ConfigError } from '../../../server/config/load-config';
import { readTlsFiles } from '../../../server/config/read-tls-files';

let directory = '';
let bridge: TlsCertificate;
let other: TlsCertificate;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'bridge-tls-'));
  [bridge, other] = await Promise.all([createSelfSignedCertificate(), createSelfSignedCertificate()]);
  writeFileSync(join(directory, 'bridge.pem'), bridge.cert);
  writeFileSync(join(directory, 'bridge-key.pem'), bridge.key);
  writeFileSync(join(directory, 'other-key.pem'), other.key);
  writeFileSync(join(directory, 'notes.txt'), 'not a certificate');
}, 30_000);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const failure = (files: { certFile: string; keyFile: string }) => {
  try {
    readTlsFiles(files, directory);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('readTlsFiles', () => {
  it('reads a certificate and its key, relative to the configuration file', () => {
    expect(readTlsFiles({ certFile: 'bridge.pem', keyFile: 'bridge-key.pem' }, directory)).toEqual({ cert: bridge.cert, key: bridge.key });
  });

  it('names the key and the file it cannot read', () => {
    expect(failure({ certFile: 'missing.pem', keyFile: 'bridge-key.pem' })).toBe(`server.tls.certFile: cannot read ${join(directory, 'missing.pem')}: ENOENT`);
    expect(failure({ certFile: 'bridge.pem', keyFile: 'missing-key.pem' })).toBe(`server.tls.keyFile: cannot read ${join(directory, 'missing-key.pem')}: ENOENT`);
  });

  it('refuses a file that is not PEM, without quoting it', () => {
    expect(failure({ certFile: 'notes.txt', keyFile: 'bridge-key.pem' })).toBe(`server.tls.certFile: ${join(directory, 'notes.txt')} holds no PEM certificate`);
    expect(failure({ certFile: 'bridge.pem', keyFile: 'bridge.pem' })).toBe(`server.tls.keyFile: ${join(directory, 'bridge.pem')} holds no PEM private key`);
  });

  it('refuses a key that belongs to another certificate', () => {
    const message = failure({ certFile: 'bridge.pem', keyFile: 'other-key.pem' });
    expect(message).toBe('server.tls: the key in other-key.pem is not the key of the certificate in bridge.pem');
    expect(message).not.toContain('PRIVATE KEY');
  });
});
