import type { DoctorCheck } from './doctor-check';
import { readTokenPermissions } from './read-token-permissions';
import type { TokenOutcome } from './request-token';
import { requiredGraphPermissions } from './required-graph-permissions';

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
  if (missing.length > 0) {
    return {
      name: 'graph-permissions', status: 'fail', message: `Missing Microsoft Graph ${kind} permissions: ${missing.join(', ')}.`,
      fix: `In Entra ID → App registrations → API permissions, add the ${kind} permissions ${missing.join(', ')} of Microsoft Graph, then grant admin consent again.`,
    };
  }
  return { name: 'graph-permissions', status: 'ok', message: `The token holds every ${kind} permission the bridge uses: ${required.join(', ')}.` };
}
