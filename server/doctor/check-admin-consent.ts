import type { DoctorCheck } from './doctor-check';
import { readTokenPermissions } from './read-token-permissions';
import type { TokenOutcome } from './request-token';

const grantConsent = 'An admin of the tenant opens the admin-consent link of the Admin view (or Entra ID → App registrations → API permissions → Grant admin consent).';

/**
 * Whether an admin granted the Graph permissions. App-only: the client-credentials token carries no
 * `roles` at all. Delegated: the on-behalf-of exchange answers AADSTS65001 / `consent_required`.
 */
export function checkAdminConsent(mode: 'app-only' | 'delegated', outcome: TokenOutcome | undefined): DoctorCheck {
  if (!outcome) {
    return {
      name: 'admin-consent', status: 'warn',
      message: 'Not checked: no user token to exchange. Run the check from the Admin view, which uses your sign-in.',
    };
  }
  if (outcome.kind === 'unreachable') return { name: 'admin-consent', status: 'warn', message: 'Not checked: the token endpoint cannot be reached.' };
  if (outcome.kind === 'refused') {
    if (outcome.codes.includes(65001) || outcome.suberror === 'consent_required') {
      return { name: 'admin-consent', status: 'fail', message: 'Admin consent is missing: Entra ID asks for consent before the bridge may act for users (AADSTS65001).', fix: grantConsent };
    }
    return { name: 'admin-consent', status: 'warn', message: `Not checked: Entra ID refused the token (${outcome.error}${outcome.codes[0] ? `, AADSTS${outcome.codes[0]}` : ''}).` };
  }
  if (mode === 'app-only' && readTokenPermissions(outcome.accessToken).roles.length === 0) {
    return { name: 'admin-consent', status: 'fail', message: 'Admin consent is missing: the app’s token carries no application permission.', fix: grantConsent };
  }
  return { name: 'admin-consent', status: 'ok', message: mode === 'app-only' ? 'An admin granted application permissions.' : 'Consent lets the bridge act on behalf of users.' };
}
