import type { EnvironmentConfig } from '../../server/config/config-schema';
import type { IdentityDirectory } from '../m365/identity/identity-directory';
import type { HostAccount } from './host-page-config';

/** The directory's users whose tenant has an environment, each with that environment's app registration. */
export function demoAccounts(directory: IdentityDirectory, environments: readonly EnvironmentConfig[]): HostAccount[] {
  return directory.users.flatMap((user) => {
    const environment = environments.find((candidate) => candidate.tenantId === user.tenantId);
    const tenant = directory.tenants.find((candidate) => candidate.id === user.tenantId);
    if (!environment || !tenant) return [];
    return [{ email: user.userPrincipalName, displayName: user.displayName, tenantName: tenant.displayName, appId: environment.applicationId }];
  });
}
