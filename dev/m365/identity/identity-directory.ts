/**
 * The plain data an Entra tenant would hold, as far as tokens need it. The identity server reads
 * it live, so a test may push a consent or a user while the server runs.
 */
export interface IdentityDirectory {
  tenants: DirectoryTenant[];
  applications: AppRegistration[];
  users: DirectoryUser[];
  consents: Consent[];
}

export interface DirectoryTenant {
  /** Tenant id (GUID): the `tid` claim. */
  id: string;
  displayName: string;
  /** Verified domains, usable in place of the id in URLs (`/contoso.onmicrosoft.com/...`). */
  domains: string[];
}

export interface AppRegistration {
  /** Application (client) id, a GUID: the `aud` of v2 tokens for this app's API. */
  clientId: string;
  displayName: string;
  homeTenantId: string;
  /** Secret values (not their ids) the app may present as `client_secret`. */
  clientSecrets: string[];
  /** When each secret value stops working (ISO instant); past it Entra answers AADSTS7000222. Absent: never. */
  secretEndDateTimes?: Record<string, string>;
  /** Entra's "Allow public client flows": ROPC and refresh without a secret. */
  allowPublicClientFlows: boolean;
  /** Application ID URI, `api://<host>/<clientId>` for an Office add-in's API. */
  identifierUri?: string;
  /** Delegated scopes the app's API exposes, e.g. `access_as_user`. */
  exposedScopes: string[];
  /** App roles the app's API defines, e.g. `Bridge.Admin`. */
  appRoles: string[];
  redirectUris: string[];
  requiredResourceAccess: RequiredResourceAccess[];
}

/** What the registration asks of another API (Graph): delegated scopes and application roles. */
export interface RequiredResourceAccess {
  resourceAppId: string;
  scopes: string[];
  roles: string[];
}

export interface DirectoryUser {
  tenantId: string;
  /** Object id (GUID): the `oid` claim, the user's stable identity. */
  objectId: string;
  /** Sign-in name: the `preferred_username` claim. */
  userPrincipalName: string;
  displayName: string;
  /** Only for the resource owner password grant of the stand-in. */
  password: string;
  appRoleAssignments: AppRoleAssignment[];
}

/** A user assigned an app role of an API: the role shows in the user's tokens for that API. */
export interface AppRoleAssignment {
  resourceAppId: string;
  role: string;
}

/** A grant to a client app in a tenant, to call a resource (an API or Graph). */
export interface Consent {
  tenantId: string;
  clientId: string;
  resourceAppId: string;
  /** Delegated permissions granted. */
  scopes: string[];
  /** Application permissions granted (only by an admin, so only without `userObjectId`). */
  roles: string[];
  /** The user who consented; absent when an admin consented for the whole tenant. */
  userObjectId?: string;
}
