import type { OfficeAuthHost } from '../office/office-host';
import type { AuthConfig } from './auth-config';
import type { NaaClient, NaaRequest } from './naa-client';
import { SignInError } from './sign-in-error';

/**
 * Loads MSAL's nested app authentication on demand (its own webpack chunk). The account comes
 * from Office's auth context, so silent sign-in needs no prompt; tokens stay in session storage.
 *
 * This is what `createNestablePublicClientApplication` does on the NAA path, without its fallback
 * to MSAL's standard browser client: importing that function brings the whole standard client
 * (redirect, iframe, popup and platform broker flows), which doubles the chunk every NAA user
 * downloads before the sender card. In the pane the fallback is ours instead: Office SSO, then
 * the sign-in dialog (DESIGN §3). The two classes come from MSAL's own modules, which its package
 * does not export (`msal-browser-internals/*`: an alias in tsconfig, webpack and vitest);
 * test/src/auth/load-naa-client.test.ts runs them against a stand-in for Outlook's bridge.
 */
export async function loadNaaClient(config: AuthConfig, host: OfficeAuthHost): Promise<NaaClient> {
  // One chunk for both; destructured at the import so webpack keeps only what is used.
  const { NestedAppOperatingContext } = await import(/* webpackChunkName: "msal" */ 'msal-browser-internals/operatingcontext/NestedAppOperatingContext');
  const { NestedAppAuthController } = await import(/* webpackChunkName: "msal" */ 'msal-browser-internals/controllers/NestedAppAuthController');
  const context = new NestedAppOperatingContext({
    auth: { clientId: config.clientId, authority: config.authority },
    cache: { cacheLocation: 'sessionStorage' },
  });
  if (!(await context.initialize())) {
    throw new SignInError('sign_in_unavailable', 'Outlook announced nested app authentication but its bridge did not answer');
  }
  const msal = new NestedAppAuthController(context);
  await msal.initialize();
  const office = await host.getAccount().catch(() => undefined);
  let account = office
    ? (msal.getAccount({ username: office.userPrincipalName, tenantId: office.tenantId, localAccountId: office.userObjectId }) ?? undefined)
    : undefined;
  const loginHint = office?.loginHint || office?.userPrincipalName || undefined;

  const remember = (result: { accessToken: string; account: typeof account | null }) => {
    account = result.account ?? account;
    return result.accessToken;
  };
  return {
    async acquireSilent({ scopes, forceRefresh }: NaaRequest) {
      // acquireTokenSilent needs an account; without one, ssoSilent asks the host by login hint.
      return remember(account ? await msal.acquireTokenSilent({ scopes, account, forceRefresh }) : await msal.ssoSilent({ scopes, loginHint }));
    },
    async acquirePopup({ scopes }: NaaRequest) {
      return remember(await msal.acquireTokenPopup({ scopes, ...(account ? { account } : { loginHint }) }));
    },
  };
}
