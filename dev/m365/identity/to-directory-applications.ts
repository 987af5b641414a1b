import type { DirectoryApplication } from '../graph/directory-application';
import type { IdentityDirectory } from './identity-directory';
import { stableGuid } from './stable-guid';

/**
 * The directory's app registrations as Graph's `application` resource shows them: each secret as a
 * `passwordCredential` with its first three characters as `hint` and its end date, never its value.
 */
export function toDirectoryApplications(directory: IdentityDirectory): DirectoryApplication[] {
  return directory.applications.map((app) => ({
    id: stableGuid('application', app.clientId.toLowerCase()),
    appId: app.clientId,
    displayName: app.displayName,
    homeTenantId: app.homeTenantId,
    passwordCredentials: app.clientSecrets.map((secret) => ({
      customKeyIdentifier: null,
      displayName: null,
      endDateTime: app.secretEndDateTimes?.[secret] ?? null,
      hint: secret.slice(0, 3),
      keyId: stableGuid('password-credential', app.clientId.toLowerCase(), secret),
      secretText: null,
      startDateTime: null,
    })),
  }));
}
