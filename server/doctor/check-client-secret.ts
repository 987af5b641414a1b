import type { DoctorCheck } from './doctor-check';
import type { TokenOutcome } from './request-token';

const newSecret = 'In the Entra admin center, App registrations → the bridge → Certificates & secrets, add a new client secret and put its Value in the variable or file that clientSecret names.';

/** The app registration proves itself with the configured secret (AADSTS7000215 wrong, AADSTS7000222 expired). */
export function checkClientSecret(outcome: TokenOutcome | undefined, applicationId: string, unreadable?: string): DoctorCheck {
  if (!outcome) {
    return {
      name: 'client-secret', status: 'fail',
      message: unreadable ? `The client secret cannot be read: ${unreadable}.` : 'No client secret is configured: the bridge cannot reach Microsoft Graph.',
      fix: 'Set clientSecret to { "env": "NAME" } or { "file": "path" } for this environment.',
    };
  }
  if (outcome.kind === 'unreachable') return { name: 'client-secret', status: 'warn', message: 'Not checked: the token endpoint cannot be reached.' };
  if (outcome.kind === 'issued') return { name: 'client-secret', status: 'ok', message: `The client secret of ${applicationId} is accepted.` };
  const code = outcome.codes[0];
  switch (code) {
    case 7000215:
      return {
        name: 'client-secret', status: 'fail', message: 'The client secret is wrong (AADSTS7000215).',
        fix: `Use the secret's Value, not its Secret ID. ${newSecret}`,
      };
    case 7000222:
      return { name: 'client-secret', status: 'fail', message: 'The client secret has expired (AADSTS7000222).', fix: newSecret };
    case 700016:
      return {
        name: 'client-secret', status: 'fail', message: `The application ${applicationId} is not known in this tenant (AADSTS700016).`,
        fix: 'Check tenantId and applicationId; for a registration of another tenant, an admin of this tenant grants admin consent first.',
      };
    case 90002:
      return { name: 'client-secret', status: 'fail', message: 'The tenant is not known to Entra ID (AADSTS90002).', fix: 'Check tenantId in the configuration.' };
    default:
      return {
        name: 'client-secret', status: 'fail', message: `Entra ID refused the app's sign-in: ${outcome.error}${code ? ` (AADSTS${code})` : ''}: ${outcome.description}`,
        fix: 'Look the AADSTS code up in docs/troubleshooting.md.',
      };
  }
}
