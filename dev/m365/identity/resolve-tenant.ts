import { EntraError } from './entra-error';
import type { DirectoryTenant, IdentityDirectory } from './identity-directory';

/** The tenant segment of an Entra URL: one tenant, or a multi-tenant alias resolved per request. */
export type TenantSegment = { kind: 'tenant'; tenant: DirectoryTenant } | { kind: 'alias'; alias: 'common' | 'organizations' };

/** Accepts a tenant id, a verified domain, `common` or `organizations`, as Entra does. */
export function resolveTenant(directory: IdentityDirectory, segment: string): TenantSegment {
  const wanted = segment.toLowerCase();
  if (wanted === 'common' || wanted === 'organizations') return { kind: 'alias', alias: wanted };
  const tenant = directory.tenants.find(
    (candidate) => candidate.id.toLowerCase() === wanted || candidate.domains.some((domain) => domain.toLowerCase() === wanted),
  );
  if (!tenant) {
    throw new EntraError(
      'invalid_request',
      90002,
      `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );
  }
  return { kind: 'tenant', tenant };
}

/** A request under `/{tenant}/` may only act in that tenant; the aliases accept any. */
export function assertTenantMatches(segment: TenantSegment, tenantId: string, what: string): void {
  if (segment.kind === 'tenant' && segment.tenant.id.toLowerCase() !== tenantId.toLowerCase()) {
    throw new EntraError('invalid_grant', 50034, `The ${what} does not exist in the ${segment.tenant.displayName} directory.`);
  }
}
