import { dialogMessageChannel } from './open-dialog-window';
import { asyncResultStatus, eventType } from './office-values';

/**
 * Office.js in a dialog window: ready at once (no mailbox, no host page), and `messageParent`
 * delivering to the pane that opened the dialog, only if the pane is on this page's origin.
 */
export function createDialogPageOffice(own: Window) {
  const info = { host: 'Outlook', platform: 'OfficeOnline' };
  return {
    onReady(callback?: (ready: typeof info) => void) {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      ui: {
        messageParent(message: string) {
          own.opener?.postMessage({ channel: dialogMessageChannel, message }, own.location.origin);
        },
      },
    },
    EventType: eventType,
    AsyncResultStatus: asyncResultStatus,
  };
}
