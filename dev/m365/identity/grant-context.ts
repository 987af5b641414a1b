import type { TokenSigner } from './create-token-signer';
import type { RefreshTokenStore } from './create-refresh-token-store';
import type { IdentityDirectory } from './identity-directory';
import type { TenantSegment } from './resolve-tenant';

/** What every grant needs: the directory, keys, refresh tokens, the server's URL and the time. */
export interface GrantContext {
  directory: IdentityDirectory;
  signer: TokenSigner;
  refreshTokens: RefreshTokenStore;
  baseUrl: string;
  now: Date;
  accessTokenLifetimeSeconds: number;
}

/** One POST to `/{tenant}/oauth2/v2.0/token`, its form already decoded. */
export interface TokenRequest {
  tenant: TenantSegment;
  form: Record<string, string>;
  authorization: string | undefined;
}

/** Entra's successful token answer. */
export interface TokenResponse {
  token_type: 'Bearer';
  scope?: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  client_info?: string;
}

/** Entra's issuer for a tenant: `{base}/{tid}/v2.0`. */
export function issuerFor(baseUrl: string, tenantId: string): string {
  return `${baseUrl}/${tenantId}/v2.0`;
}
