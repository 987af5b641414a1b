import { graphApplicationPermissionIds, graphDelegatedPermissionIds, microsoftGraphAppId, officeClientId } from './microsoft-graph-permission-ids';

export interface ApplicationRequestInput {
  environment: string;
  origin: string;
  mode: 'delegated' | 'app-only';
  /** Ids of the new scope and app role, generated once so the create and the update agree. */
  scopeId: string;
  appRoleId: string;
}

/** The bridge's registration as Microsoft Graph takes it: a POST body, then a PATCH once the app id is known. */
export interface ApplicationRequest {
  create: Record<string, unknown>;
  update(appId: string): Record<string, unknown>;
}

/**
 * The bridge's app registration: the `access_as_user` API scope with v2 tokens, the
 * `Bridge.Admin` role for users, SPA redirect URIs for the taskpane and nested app authentication,
 * and the Graph permissions of its mode (DESIGN §3). The Office SSO identifier URI
 * `api://<host>/<appId>` and Office's pre-authorization name the app id and the scope id, so
 * they follow in an update.
 *
 * @example buildApplicationRequest({ environment: 'acme', origin: 'https://erp.acme.com', mode: 'delegated', scopeId, appRoleId })
 */
export function buildApplicationRequest(input: ApplicationRequestInput): ApplicationRequest {
  const host = new URL(input.origin).host;
  const scope = {
    id: input.scopeId,
    value: 'access_as_user',
    type: 'User',
    isEnabled: true,
    adminConsentDisplayName: 'Use the ERP bridge as the signed-in user',
    adminConsentDescription: 'Lets the Outlook add-in call the ERP bridge as the signed-in user.',
    userConsentDisplayName: 'Use the ERP bridge as you',
    userConsentDescription: 'Lets the Outlook add-in call the ERP bridge as you.',
  };
  const delegated = input.mode === 'delegated' ? Object.values(graphDelegatedPermissionIds) : [graphDelegatedPermissionIds['User.Read']];
  const application = input.mode === 'app-only' ? Object.values(graphApplicationPermissionIds) : [];
  const create = {
    displayName: `ERP Bridge for Outlook (${input.environment})`,
    signInAudience: 'AzureADMyOrg',
    api: { requestedAccessTokenVersion: 2, oauth2PermissionScopes: [scope] },
    appRoles: [
      {
        id: input.appRoleId,
        value: 'Bridge.Admin',
        displayName: 'ERP Bridge administrator',
        description: 'Activates sync for the environment and sees every user’s sync status.',
        allowedMemberTypes: ['User'],
        isEnabled: true,
      },
    ],
    spa: { redirectUris: [`${input.origin}/taskpane.html`, `brk-multihub://${host}`] },
    requiredResourceAccess: [
      {
        resourceAppId: microsoftGraphAppId,
        resourceAccess: [...delegated.map((id) => ({ id, type: 'Scope' })), ...application.map((id) => ({ id, type: 'Role' }))],
      },
    ],
  };
  return {
    create,
    update: (appId) => ({
      identifierUris: [`api://${host}/${appId}`],
      api: { ...create.api, preAuthorizedApplications: [{ appId: officeClientId, delegatedPermissionIds: [input.scopeId] }] },
    }),
  };
}

/** Where admin consent returns: the taskpane page, registered as an SPA redirect URI above. */
export const consentRedirectUri = (origin: string) => `${origin}/taskpane.html`;
