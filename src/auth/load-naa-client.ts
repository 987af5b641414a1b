import type { OfficeAuthHost } from '../office/office-host';
import type { AuthConfig } from './auth-config';
import type { NaaClient, NaaRequest } from './naa-client';

/**
 * Loads MSAL on demand (its own webpack chunk) and wraps its nestable client. The account comes
 * from Office's auth context, so silent sign-in needs no prompt; tokens stay in session storage.
 */
export async function loadNaaClient(config: AuthConfig, host: OfficeAuthHost): Promise<NaaClient> {
  const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  const pca = await msal.createNestablePublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority },
    cache: { cacheLocation: 'sessionStorage' },
  });
  const context = await host.getAccount().catch(() => undefined);
  let account = context
    ? (pca.getAccount({ username: context.userPrincipalName, tenantId: context.tenantId, localAccountId: context.userObjectId }) ?? undefined)
    : undefined;
  const loginHint = context?.loginHint || context?.userPrincipalName || undefined;

  const remember = (result: { accessToken: string; account: typeof account | null }) => {
    account = result.account ?? account;
    return result.accessToken;
  };
  return {
    async acquireSilent({ scopes, forceRefresh }: NaaRequest) {
      // acquireTokenSilent needs an account; without one, ssoSilent asks the host by login hint.
      return remember(account ? await pca.acquireTokenSilent({ scopes, account, forceRefresh }) : await pca.ssoSilent({ scopes, loginHint }));
    },
    async acquirePopup({ scopes }: NaaRequest) {
      return remember(await pca.acquireTokenPopup({ scopes, ...(account ? { account } : { loginHint }) }));
    },
  };
}
