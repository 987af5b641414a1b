import type { AppRegistration } from './identity-directory';

/**
 * Microsoft's first-party public client behind `Connect-MgGraph`, present in every tenant. Admins
 * sign in with it to manage the directory (`npm run entra:app` does too); each permission it asks
 * for is consented the first time, on the sign-in page.
 */
export const microsoftGraphCommandLineTools: AppRegistration = {
  clientId: '14d82eec-204b-4c2f-b7e8-296a70dab67e',
  displayName: 'Microsoft Graph Command Line Tools',
  homeTenantId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
  clientSecrets: [],
  allowPublicClientFlows: true,
  exposedScopes: [],
  appRoles: [],
  redirectUris: ['http://localhost'],
  requiredResourceAccess: [],
};
