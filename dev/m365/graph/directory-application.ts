import type { PasswordCredential } from '@microsoft/microsoft-graph-types';

/**
 * An app registration as Graph's `application` resource shows it, read from the identity
 * directory: secrets appear only as `passwordCredentials` (hint and dates, never the value).
 */
export interface DirectoryApplication {
  /** The object id of the registration (not its client id). */
  id: string;
  appId: string;
  displayName: string;
  /** The tenant that owns the registration: only its tokens can read it. */
  homeTenantId: string;
  passwordCredentials: PasswordCredential[];
}
