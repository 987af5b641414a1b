import type { AuthConfig } from '../auth-config';
import type { OfficeAuthHost } from '../../office/office-host';
import { parseConsentMessage } from './consent-message';
import type { UserConsent } from './user-consent';

/**
 * Consent in an Office dialog: the dialog opens on the taskpane page (Office requires the add-in's
 * domain for its first page), which goes to Entra's consent page and, back, sends the outcome
 * with `messageParent`; the host closes the dialog on that message.
 */
export function createUserConsent(host: Pick<OfficeAuthHost, 'runDialog'>, config: AuthConfig | undefined, page: URL): UserConsent {
  return {
    async ask(scopes, authority) {
      if (!config) return { kind: 'failed', reason: 'the add-in was opened without its app id' };
      const start = new URL('taskpane.html', page);
      start.search = new URLSearchParams({ consent: 'start', appId: config.clientId, authority: authority ?? config.authority, scope: scopes.join(' ') }).toString();
      const outcome = await host.runDialog(start.href);
      if (outcome.kind === 'closed') return { kind: 'closed' };
      if (outcome.kind === 'failed') return { kind: 'failed', reason: `Outlook could not open the consent window (${outcome.code})` };
      return parseConsentMessage(outcome.message);
    },
  };
}
