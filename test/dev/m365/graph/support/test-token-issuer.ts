import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWTPayload } from 'jose';

export interface TokenOptions {
  tenantId: string;
  appId?: string;
  /** Graph's resource URI by default. */
  audience?: string;
  /** A jose time span such as '1h', or a past date to mint an expired token. */
  expiresAt?: string | Date;
}

export interface TestTokenIssuer {
  /** What the emulator is given: signature and lifetime checked against the issuer's JWKS. */
  verifyToken(jwt: string): Promise<JWTPayload>;
  delegated(options: TokenOptions & { userId: string; scopes: readonly string[] }): Promise<string>;
  application(options: TokenOptions & { roles: readonly string[] }): Promise<string>;
  /** A token signed by a key the JWKS does not hold. */
  forged(options: TokenOptions & { userId: string; scopes: readonly string[] }): Promise<string>;
}

export const erpAppId = '5f1c7a0e-3c1d-4a55-9d8e-0b7f3a1e2c44';

/** Signs Entra-shaped v2 access tokens with a fresh RS256 key, the way the identity stand-in will. */
export async function createTestTokenIssuer(): Promise<TestTokenIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'graph-test', alg: 'RS256', use: 'sig' };
  const keySet = createLocalJWKSet({ keys: [jwk] });
  const stranger = await generateKeyPair('RS256');

  const sign = (claims: JWTPayload, options: TokenOptions, key: CryptoKey) =>
    new SignJWT({ ...claims, tid: options.tenantId, azp: options.appId ?? erpAppId, ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid: 'graph-test', typ: 'JWT' })
      .setIssuer(`https://login.microsoftonline.com/${options.tenantId}/v2.0`)
      .setAudience(options.audience ?? 'https://graph.microsoft.com')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 60)
      .setExpirationTime(options.expiresAt ?? '1h')
      .sign(key);

  return {
    verifyToken: async (jwt) => (await jwtVerify(jwt, keySet, { algorithms: ['RS256'] })).payload,
    delegated: (options) =>
      sign({ oid: options.userId, sub: options.userId, scp: options.scopes.join(' ') }, options, privateKey),
    application: (options) => sign({ oid: 'service-principal', sub: 'service-principal', roles: [...options.roles] }, options, privateKey),
    forged: (options) =>
      sign({ oid: options.userId, sub: options.userId, scp: options.scopes.join(' ') }, options, stranger.privateKey),
  };
}
