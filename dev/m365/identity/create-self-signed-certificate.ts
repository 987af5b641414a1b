import { generate } from 'selfsigned';

export interface TlsCertificate {
  /** PEM private key. */
  key: string;
  /** PEM certificate: what a client must trust (`ca` option, NODE_EXTRA_CA_CERTS). */
  cert: string;
}

/**
 * A certificate for the loopback names only, so MSAL (which refuses `http:` authorities) can
 * talk to the stand-in. Generate it once and write it to a file when NODE_EXTRA_CA_CERTS must
 * name it before the process starts.
 */
export async function createSelfSignedCertificate(): Promise<TlsCertificate> {
  const notBeforeDate = new Date();
  const notAfterDate = new Date(notBeforeDate.getTime() + 365 * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
