import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from './load-config';

export interface TlsFiles {
  cert: string;
  key: string;
}

/**
 * Reads `server.tls` for the HTTPS server: both files must be PEM and the key must be the
 * certificate's. Errors name the key and the file, never the content.
 * @example const { cert, key } = readTlsFiles({ certFile: 'tls/bridge.pem', keyFile: 'tls/bridge-key.pem' }, baseDir);
 */
export function readTlsFiles(tls: { certFile: string; keyFile: string }, baseDir: string): TlsFiles {
  const cert = readPem('server.tls.certFile', resolve(baseDir, tls.certFile), /-----BEGIN CERTIFICATE-----/, 'PEM certificate');
  const key = readPem('server.tls.keyFile', resolve(baseDir, tls.keyFile), /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/, 'PEM private key');
  let matches: boolean;
  try {
    matches = new X509Certificate(cert).checkPrivateKey(createPrivateKey(key));
  } catch (error) {
    throw new ConfigError(`server.tls: cannot read the certificate or key (${(error as Error).message})`);
  }
  if (!matches) throw new ConfigError(`server.tls: the key in ${tls.keyFile} is not the key of the certificate in ${tls.certFile}`);
  return { cert, key };
}

function readPem(name: string, path: string, marker: RegExp, what: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${name}: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (!marker.test(text)) throw new ConfigError(`${name}: ${path} holds no ${what}`);
  return text;
}
