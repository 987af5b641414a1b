import { OAuth2Issuer, type JWK } from 'oauth2-mock-server';

export interface SignOptions {
  /** Header `kid` to write instead of the signing key's own (to build tokens no JWKS can verify); `null` leaves it out. */
  kid?: string | null;
}

export interface TokenSigner {
  /** Signs exactly these claims with RS256 and the current key; nothing is added or checked. */
  sign(claims: Record<string, unknown>, options?: SignOptions): Promise<string>;
  /** The public JWK Set, as served at `/{tenant}/discovery/v2.0/keys`. */
  jwks(): { keys: PublicSigningKey[] };
}

export type PublicSigningKey = JWK & { use: 'sig' };

/**
 * Keys and signatures come from oauth2-mock-server's issuer; the claims are ours, so its
 * defaults (`iss`, `iat`, `exp`, `nbf`) are replaced wholesale.
 */
export async function createTokenSigner(): Promise<TokenSigner> {
  const issuer = new OAuth2Issuer();
  // buildToken refuses to run without an issuer URL, although every token overrides `iss`.
  issuer.url = 'urn:erp-bridge:identity';
  // Entra publishes several keys per tenant and signs with one of them: so does the stand-in.
  const signingKey = await issuer.keys.generate('RS256');
  await issuer.keys.generate('RS256');

  return {
    sign: (claims, options = {}) =>
      issuer.buildToken({
        kid: signingKey.kid,
        scopesOrTransform: (header, payload) => {
          for (const name of Object.keys(payload)) Reflect.deleteProperty(payload, name);
          Object.assign(payload, claims);
          if (options.kid === null) Reflect.deleteProperty(header, 'kid');
          else if (options.kid !== undefined) header.kid = options.kid;
        },
      }),
    // The signing key first, in a stable order: the issuer's store reorders keys as it uses them.
    jwks: () => ({
      keys: issuer.keys
        .toJSON(false)
        .map((key) => ({ ...key, use: 'sig' as const }))
        .sort((a, b) => Number(b.kid === signingKey.kid) - Number(a.kid === signingKey.kid)),
    }),
  };
}
