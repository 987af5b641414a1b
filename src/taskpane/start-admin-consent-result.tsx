import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/create-i18n';
import { loadStrings } from '../i18n/load-strings';
import { pickLanguage } from '../i18n/pick-language';
import { AdminConsentResult } from './AdminConsentResult/AdminConsentResult';
import type { AdminConsentResult as Result } from './AdminConsentResult/read-admin-consent-result';

/** Renders the admin-consent outcome in the browser tab Entra redirected to, outside Outlook. */
export async function startAdminConsentResult(result: Result): Promise<void> {
  const language = pickLanguage(navigator.language);
  document.documentElement.lang = language;
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  createRoot(container).render(
    <I18nextProvider i18n={createI18n(language, await loadStrings(language))}>
      <FluentProvider theme={webLightTheme}>
        <AdminConsentResult result={result} />
      </FluentProvider>
    </I18nextProvider>,
  );
}
