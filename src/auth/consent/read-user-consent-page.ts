import { readAuthConfig } from '../auth-config';
import { buildUserConsentUrl, userConsentState } from './build-user-consent-url';
import type { ConsentMessage } from './consent-message';

/** The taskpane page opened in the consent dialog: first to go to Entra, then back from it. */
export type UserConsentPage = { kind: 'start'; authorizeUrl: string } | { kind: 'result'; message: ConsentMessage };

/**
 * Office opens a dialog only on the add-in's own domain, so the dialog starts on the taskpane page
 * (`?consent=start&appId=…&scope=…`), which goes on to Entra; Entra comes back to it with
 * `state` marking the consent, and `code` (granted) or `error` (declined).
 * `undefined` for any other opening of the page.
 */
export function readUserConsentPage(page: URL): UserConsentPage | undefined {
  const parameters = page.searchParams;
  if (parameters.get('state') === userConsentState) {
    const error = parameters.get('error');
    if (error) return { kind: 'result', message: { kind: 'refused', reason: parameters.get('error_description') ?? error } };
    return { kind: 'result', message: parameters.has('code') ? { kind: 'granted' } : { kind: 'refused', reason: 'Entra ID sent no answer' } };
  }
  if (parameters.get('consent') !== 'start') return undefined;
  const withoutAuthority = new URL(page);
  withoutAuthority.searchParams.delete('authority');
  const config = readAuthConfig(withoutAuthority);
  const authority = readAuthority(parameters.get('authority'), page) ?? config?.authority;
  const scopes = (parameters.get('scope') ?? '').split(' ').filter((scope) => scope.length > 0);
  if (!config || !authority || scopes.length === 0) return { kind: 'result', message: { kind: 'refused', reason: 'the consent window was opened without an app id, an authority or scopes' } };
  return { kind: 'start', authorizeUrl: buildUserConsentUrl({ clientId: config.clientId, authority, scopes, origin: page.origin }) };
}

/** An HTTPS authority, or a loopback one over HTTP (the local demo's identity server, as browsers reach it). */
function readAuthority(value: string | null, page: URL): string | undefined {
  if (value === null) return undefined;
  try {
    const authority = new URL(value);
    const loopback = authority.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(authority.hostname) && ['localhost', '127.0.0.1', '[::1]'].includes(page.hostname);
    return authority.protocol === 'https:' || loopback ? authority.href.replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}
