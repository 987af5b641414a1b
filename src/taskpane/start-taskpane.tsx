import { createRoot } from 'react-dom/client';
import { readAuthConfig } from '../auth/auth-config';
import { createUserConsent } from '../auth/consent/create-user-consent';
import { createBrowserTokenSource } from '../auth/create-browser-token-source';
import { createBridgeClient } from '../erp/create-bridge-client';
import { createBridgeRequest } from '../erp/create-bridge-request';
import { createI18n } from '../i18n/create-i18n';
import { loadStrings } from '../i18n/load-strings';
import { pickLanguage } from '../i18n/pick-language';
import { createOfficeHost } from '../office/create-office-host';
import { createSyncClient } from './sync/create-sync-client';
import { TaskpaneRoot } from './TaskpaneRoot';

/** The browser's composition root: real Office, real tokens, the bridge on the pane's own origin. */
export async function startTaskpane(): Promise<void> {
  const page = new URL(window.location.href);
  const office = createOfficeHost();
  const authConfig = readAuthConfig(page);
  const tokens = createBrowserTokenSource(authConfig, office);
  const consent = createUserConsent(office, authConfig, page);
  const bridge = createBridgeClient({ baseUrl: page.origin, tokens, fetch: window.fetch.bind(window) });
  const sync = createSyncClient(createBridgeRequest(page.origin, tokens, window.fetch.bind(window)));
  const language = pickLanguage(office.displayLanguage());
  const strings = await loadStrings(language);
  document.documentElement.lang = language;
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const services = { office, bridge, sync, tokens, consent, now: () => new Date(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
  createRoot(container).render(<TaskpaneRoot services={services} i18n={createI18n(language, strings)} />);
}
