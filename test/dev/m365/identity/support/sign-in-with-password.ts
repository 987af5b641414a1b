import { demoIds } from '../../../../../dev/m365/identity/demo-directory';
import type { IdentityServer } from '../../../../../dev/m365/identity/start-identity-server';
import { accessTokenOf, requestToken, type TokenAnswer } from './request-token';

export interface PasswordSignIn {
  tenant?: string;
  clientId?: string;
  clientSecret?: string;
  username: string;
  password?: string;
  scope?: string;
}

/**
 * ROPC for a demo user; by default through the Contoso bridge app as a public client (the demo
 * registrations allow it), for the bridge's own API.
 */
export function signInWithPassword(server: Pick<IdentityServer, 'url'>, signIn: PasswordSignIn): Promise<TokenAnswer> {
  const clientId = signIn.clientId ?? demoIds.bridgeClientId;
  return requestToken(server, signIn.tenant ?? 'organizations', {
    grant_type: 'password',
    client_id: clientId,
    ...(signIn.clientSecret ? { client_secret: signIn.clientSecret } : {}),
    username: signIn.username,
    password: signIn.password ?? demoIds.password,
    scope: signIn.scope ?? `api://localhost:3000/${clientId}/access_as_user`,
  });
}

/** The bridge API access token of a demo user who signs in successfully. */
export async function bridgeTokenFor(server: Pick<IdentityServer, 'url'>, signIn: PasswordSignIn): Promise<string> {
  return accessTokenOf(await signInWithPassword(server, signIn));
}
