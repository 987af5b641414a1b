/** The `state` that marks Entra's redirect back to the taskpane page as the end of the user's consent. */
export const userConsentState = 'erp-bridge-user-consent';

/**
 * Entra's authorize URL that asks the signed-in user to consent (`prompt=consent`) to `scopes`
 * for the bridge's application, and sends them back to the taskpane page, a registered SPA
 * redirect URI. The authorization code it brings back is not redeemed: the consent is the point.
 * @example buildUserConsentUrl({ clientId, authority: 'https://login.microsoftonline.com/organizations', scopes, origin: 'https://erp.example.com' })
 */
export function buildUserConsentUrl(input: { clientId: string; authority: string; scopes: readonly string[]; origin: string }): string {
  const url = new URL(`${input.authority.replace(/\/+$/, '')}/oauth2/v2.0/authorize`);
  url.search = new URLSearchParams({
    client_id: input.clientId,
    response_type: 'code',
    redirect_uri: userConsentRedirectUri(input.origin),
    response_mode: 'query',
    scope: input.scopes.join(' '),
    prompt: 'consent',
    state: userConsentState,
  }).toString();
  return url.href;
}

/** Where Entra sends the user back: the taskpane page, as the app registration lists it. */
export function userConsentRedirectUri(origin: string): string {
  return new URL('/taskpane.html', origin).href;
}
