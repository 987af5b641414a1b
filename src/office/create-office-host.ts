/// <reference types="office-js" />
import { classifyTheme } from './classify-theme';
import { officeAsync } from './office-async';
import { toOfficeCallError } from './office-call-error';
import type { DialogOutcome, HostAccount, HostTheme, OfficeHost } from './office-host';
import type { Person } from './office-item';
import { readCurrentItem } from './read-current-item';

/** The only implementation of `OfficeHost` over the real Office.js; call it after `Office.onReady`. */
export function createOfficeHost(): OfficeHost {
  const mailbox = () => Office.context.mailbox;
  const supports = (name: string, version: string) => Office.context.requirements.isSetSupported(name, version);
  const forcedColors = () => typeof window.matchMedia === 'function' && window.matchMedia('(forced-colors: active)').matches;
  // officeTheme exists in Outlook from Mailbox 1.14; older clients get the light theme.
  const theme = (): HostTheme => classifyTheme(supports('Mailbox', '1.14') ? Office.context.officeTheme?.bodyBackgroundColor : undefined, forcedColors());

  return {
    isSetSupported: supports,
    readCurrentItem: () => readCurrentItem(mailbox().item),
    readBodyText: () => {
      const item = mailbox().item;
      if (!item) return Promise.resolve('');
      return officeAsync<string>((done) => item.body.getAsync(Office.CoercionType.Text, done));
    },
    subscribeItemChanged: (listener) => subscribe(Office.EventType.ItemChanged, listener),
    userEmail: () => mailbox().userProfile.emailAddress,
    displayLanguage: () => Office.context.displayLanguage,
    theme,
    subscribeThemeChanged: (listener) => {
      const onChange = () => listener(theme());
      const stopOffice = supports('Mailbox', '1.14') ? subscribe(Office.EventType.OfficeThemeChanged, onChange) : () => undefined;
      const query = typeof window.matchMedia === 'function' ? window.matchMedia('(forced-colors: active)') : undefined;
      query?.addEventListener('change', onChange);
      return () => {
        stopOffice();
        query?.removeEventListener('change', onChange);
      };
    },
    readSetting: (key) => {
      const value: unknown = Office.context.roamingSettings.get(key);
      return typeof value === 'string' ? value : undefined;
    },
    writeSetting: async (key, value) => {
      Office.context.roamingSettings.set(key, value);
      await officeAsync<void>((done) => Office.context.roamingSettings.saveAsync(done));
    },
    insertText: async (text) => {
      const item = mailbox().item;
      if (!item) return;
      await officeAsync<void>((done) => item.body.setSelectedDataAsync(text, { coercionType: Office.CoercionType.Text }, done));
    },
    addRecipients: async (field, people) => {
      const item = mailbox().item;
      if (!item) return;
      const recipients = people.map(toRecipient);
      await officeAsync<void>((done) => item[field].addAsync(recipients, done));
    },
    getAccessToken: async () => {
      try {
        return await Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true });
      } catch (error) {
        throw toOfficeCallError(error);
      }
    },
    getAccount: async (): Promise<HostAccount | undefined> => {
      if (!supports('NestedAppAuth', '1.1')) return undefined;
      const { userPrincipalName, tenantId, userObjectId, loginHint } = await Office.auth.getAuthContext();
      return { userPrincipalName, tenantId, userObjectId, loginHint };
    },
    runDialog: (url) => runDialog(url),
  };
}

function subscribe(eventType: Office.EventType, listener: () => void): () => void {
  const handler = () => listener();
  Office.context.mailbox.addHandlerAsync(eventType, handler);
  return () => Office.context.mailbox.removeHandlerAsync(eventType);
}

function toRecipient(person: Person): Office.EmailUser {
  return { emailAddress: person.email, displayName: person.name ?? person.email };
}

/** The dialog's first message ends it; a user who closes it (12006) gets `closed`. */
function runDialog(url: string): Promise<DialogOutcome> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        resolve({ kind: 'failed', code: result.error.code });
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (event) => {
        dialog.close();
        resolve('message' in event ? { kind: 'message', message: event.message } : { kind: 'failed', code: event.error });
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (event) => {
        resolve('error' in event && event.error !== 12006 ? { kind: 'failed', code: event.error } : { kind: 'closed' });
      });
    });
  });
}
