import type { AppRegistration, IdentityDirectory } from './identity-directory';

/**
 * The client a browser request names, and its redirect URI if the registration lists it exactly;
 * otherwise the AADSTS message of the error page Entra shows instead of redirecting anywhere.
 */
export function findRegisteredClient(directory: IdentityDirectory, clientId: string, redirectUri: string): { app: AppRegistration; redirectUri: string } | string {
  const app = directory.applications.find((candidate) => candidate.clientId.toLowerCase() === clientId.toLowerCase());
  if (!app) return `AADSTS700016: Application with identifier '${clientId}' was not found in the directory.`;
  if (!app.redirectUris.includes(redirectUri)) {
    return `AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${app.clientId}'.`;
  }
  return { app, redirectUri };
}
