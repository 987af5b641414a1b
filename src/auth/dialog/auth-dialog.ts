/**
 * The sign-in dialog's page (fallback when neither NAA nor Office SSO gives a token): standard
 * MSAL with a redirect to Entra and back to this page, then the token goes to the taskpane.
 */
import { createStandardPublicClientApplication } from '@azure/msal-browser';
import { sendToDialogParent, whenOfficeReady } from '../../office/when-office-ready';
import { readAuthConfig } from '../auth-config';
import { type DialogMessage, serializeDialogMessage } from '../dialog-message';

// Entra redirects back without our query string; the first load keeps it for the second.
const queryKey = 'erp-bridge.auth-dialog.query';

async function signInInDialog(): Promise<DialogMessage | undefined> {
  const page = new URL(window.location.href);
  if (page.searchParams.has('appId')) sessionStorage.setItem(queryKey, page.search);
  else page.search = sessionStorage.getItem(queryKey) ?? '';
  const config = readAuthConfig(page);
  if (!config) return { kind: 'error', errorCode: 'sign_in_unavailable' };

  const pca = await createStandardPublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: `${page.origin}${page.pathname}` },
    cache: { cacheLocation: 'sessionStorage' },
  });
  const result = await pca.handleRedirectPromise();
  if (result) return { kind: 'token', accessToken: result.accessToken };
  await pca.acquireTokenRedirect({ scopes: [config.scope], prompt: 'select_account' });
  return undefined;
}

function errorCodeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'errorCode' in error && typeof error.errorCode === 'string' ? error.errorCode : 'sign_in_failed';
}

void whenOfficeReady().then(async () => {
  const message = await signInInDialog().catch((error: unknown): DialogMessage => ({ kind: 'error', errorCode: errorCodeOf(error) }));
  if (message) sendToDialogParent(serializeDialogMessage(message));
});
