import type { DoctorCheck } from './doctor-check';
import type { TokenOutcome } from './request-token';

/** The tenant's token endpoint answers at all (authority up, name resolves, certificate trusted). */
export function checkTokenEndpoint(outcome: TokenOutcome, tenantId: string): DoctorCheck {
  if (outcome.kind === 'unreachable') {
    return {
      name: 'token-endpoint', status: 'fail', message: `The token endpoint cannot be reached: ${outcome.reason}.`,
      fix: 'Check identity.authority in the configuration, name resolution and the firewall towards it; for a private authority, identity.trustedCertificateFile.',
    };
  }
  return { name: 'token-endpoint', status: 'ok', message: `The token endpoint of tenant ${tenantId} answers.` };
}
