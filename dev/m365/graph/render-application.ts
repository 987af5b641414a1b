import type { PasswordCredential, RegisteredApplication } from './application-registry';

/** A password credential as Graph lists it: the value is never shown again after `addPassword`. */
export function renderPasswordCredential(credential: PasswordCredential, withSecret: boolean): Record<string, unknown> {
  return {
    customKeyIdentifier: null,
    displayName: credential.displayName,
    endDateTime: credential.endDateTime,
    hint: credential.hint,
    keyId: credential.keyId,
    secretText: withSecret ? credential.secretText : null,
    startDateTime: credential.startDateTime,
  };
}

/** `microsoft.graph.application` with the properties the stand-in keeps. */
export function renderApplication(application: RegisteredApplication, context: string): Record<string, unknown> {
  return {
    '@odata.context': context,
    id: application.id,
    appId: application.appId,
    createdDateTime: application.createdDateTime,
    displayName: application.displayName,
    signInAudience: application.signInAudience,
    identifierUris: application.identifierUris,
    isFallbackPublicClient: application.isFallbackPublicClient ?? null,
    api: {
      acceptMappedClaims: null,
      knownClientApplications: [],
      requestedAccessTokenVersion: application.api.requestedAccessTokenVersion ?? null,
      oauth2PermissionScopes: application.api.oauth2PermissionScopes,
      preAuthorizedApplications: application.api.preAuthorizedApplications,
    },
    appRoles: application.appRoles,
    spa: application.spa,
    web: { ...application.web, homePageUrl: null, logoutUrl: null, implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false } },
    requiredResourceAccess: application.requiredResourceAccess,
    keyCredentials: application.keyCredentials.map(({ key: _key, ...rest }) => ({ ...rest, key: null })),
    passwordCredentials: application.passwordCredentials.map((credential) => renderPasswordCredential(credential, false)),
  };
}
