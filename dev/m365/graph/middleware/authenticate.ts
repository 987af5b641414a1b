import type { MiddlewareHandler } from 'hono';
import { errors, type JWTPayload } from 'jose';
import type { GraphEnv } from '../graph-env';
import { GraphError } from '../graph-error';
import { principalFromClaims } from '../graph-principal';

export type VerifyToken = (jwt: string) => Promise<JWTPayload>;

const challenge = {
  'WWW-Authenticate':
    'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
};

function describeRejection(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'Lifetime validation failed, the token is expired.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'Access token validation failure. Invalid signature.';
  return 'Access token validation failure.';
}

/** Verifies the bearer token with the injected verifier, then reads who calls (Graph's 401 otherwise). */
export function authenticate(verifyToken: VerifyToken): MiddlewareHandler<GraphEnv> {
  return async (c, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', challenge);
    let payload: JWTPayload;
    try {
      payload = await verifyToken(token);
    } catch (error) {
      throw new GraphError(401, 'InvalidAuthenticationToken', describeRejection(error), challenge);
    }
    try {
      c.set('principal', principalFromClaims(payload));
    } catch (error) {
      if (error instanceof GraphError) throw new GraphError(error.status, error.code, error.message, challenge);
      throw error;
    }
    await next();
  };
}
