import type { DoctorCheck } from './doctor-check';
import { readTokenPermissions } from './read-token-permissions';
import type { TokenOutcome } from './request-token';
import { requiredGraphPermissions } from './required-graph-permissions';

const grantableInExchange: ReadonlySet<string> = new Set(['Contacts.ReadWrite', 'Calendars.ReadWrite']);

/**
 * Each Graph permission the bridge uses is in the token: `roles` of the app-only token, or `scp` of
 * a delegated token obtained on behalf of a user.
 */
export function checkGraphPermissions(mode: 'app-only' | 'delegated', outcome: TokenOutcome | undefined): DoctorCheck {
  if (outcome?.kind !== 'issued') return { name: 'graph-permissions', status: 'warn', message: 'Not checked: no Graph token to read the permissions from.' };
  const { roles, scopes } = readTokenPermissions(outcome.accessToken);
  const held = new Set(mode === 'app-only' ? roles : scopes);
  const required = mode === 'app-only' ? requiredGraphPermissions.application : requiredGraphPermissions.delegated;
  const missing = required.filter((permission) => !held.has(permission));
  const kind = mode === 'app-only' ? 'application' : 'delegated';
  // Exchange Online's RBAC for Applications grants these per mailbox, outside the token's roles:
  // missing from Entra ID they may be scoped there (the mailbox-access check probes the contacts).
  if (mode === 'app-only' && missing.length > 0 && missing.every((permission) => grantableInExchange.has(permission))) {
    return {
      name: 'graph-permissions', status: 'warn',
      message: `Not granted in Entra ID: ${missing.join(', ')}. That is right only if they are granted through RBAC for Applications in Exchange Online.`,
      fix: `Either assign the Exchange roles ${missing.map((permission) => `"Application ${permission}"`).join(', ')} to the app with a management scope, or add the application permissions in Entra ID and grant admin consent.`,
    };
  }
  if (missing.length > 0) {
    return {
      name: 'graph-permissions', status: 'fail', message: `Missing Microsoft Graph ${kind} permissions: ${missing.join(', ')}.`,
      fix: `In Entra ID → App registrations → API permissions, add the ${kind} permissions ${missing.join(', ')} of Microsoft Graph, then grant admin consent again.`,
    };
  }
  return { name: 'graph-permissions', status: 'ok', message: `The token holds every ${kind} permission the bridge uses: ${required.join(', ')}.` };
}
