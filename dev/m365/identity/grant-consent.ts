import type { Consent, IdentityDirectory } from './identity-directory';

/**
 * Records a consent as Entra's consent pages do: permissions add to the grant the same user (or
 * the whole tenant) already gave the client for that resource, never replace it.
 */
export function grantConsent(directory: IdentityDirectory, consent: Consent): void {
  const same = (left: string | undefined, right: string | undefined) => (left ?? '').toLowerCase() === (right ?? '').toLowerCase();
  const existing = directory.consents.find(
    (candidate) =>
      same(candidate.tenantId, consent.tenantId) &&
      same(candidate.clientId, consent.clientId) &&
      same(candidate.resourceAppId, consent.resourceAppId) &&
      same(candidate.userObjectId, consent.userObjectId),
  );
  if (!existing) {
    directory.consents.push({ ...consent, scopes: [...new Set(consent.scopes)], roles: [...new Set(consent.roles)] });
    return;
  }
  existing.scopes = [...new Set([...existing.scopes, ...consent.scopes])];
  existing.roles = [...new Set([...existing.roles, ...consent.roles])];
}
