import { EntraError } from './entra-error';
import type { AppRegistration, IdentityDirectory } from './identity-directory';

export interface AuthenticatedClient {
  app: AppRegistration;
  /** `azpacr`: "1" when a secret proved the client, "0" for a public client. */
  authenticationMethod: '0' | '1';
}

/**
 * Checks the client of a token request. Confidential flows (client credentials, on-behalf-of)
 * always need the secret; the others need it unless the registration allows public client
 * flows. A secret sent is always checked.
 */
export function authenticateClient(
  directory: IdentityDirectory,
  request: { form: Record<string, string>; authorization: string | undefined },
  options: { confidentialFlow: boolean; tenantName: string; now?: Date },
): AuthenticatedClient {
  const { clientId, clientSecret } = readClientCredentials(request.form, request.authorization);
  if (!clientId) throw new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
  const app = directory.applications.find((candidate) => candidate.clientId.toLowerCase() === clientId.toLowerCase());
  if (!app) {
    throw new EntraError(
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${options.tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  if (clientSecret) {
    if (!app.clientSecrets.includes(clientSecret)) {
      throw new EntraError(
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
      );
    }
    const endDateTime = app.secretEndDateTimes?.[clientSecret];
    if (endDateTime && options.now && Date.parse(endDateTime) <= options.now.getTime()) {
      throw new EntraError(
        'invalid_client',
        7000222,
        `The provided client secret keys for app '${app.clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
      );
    }
    return { app, authenticationMethod: '1' };
  }
  if (options.confidentialFlow || !app.allowPublicClientFlows) {
    throw new EntraError('invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }
  return { app, authenticationMethod: '0' };
}

/** Entra accepts the client's id and secret in the form or as HTTP Basic. */
function readClientCredentials(form: Record<string, string>, authorization: string | undefined): { clientId?: string; clientSecret?: string } {
  const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  return { clientId: form.client_id, clientSecret: form.client_secret };
}
