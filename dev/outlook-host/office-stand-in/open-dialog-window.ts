import { asyncResultStatus, eventType } from './office-values';

/** What a dialog page sends its opener with `messageParent`. */
export const dialogMessageChannel = 'erp-bridge-office-stand-in-dialog';

type DialogEvent = { type: typeof eventType.DialogMessageReceived; message: string; origin: string } | { type: typeof eventType.DialogEventReceived; error: number };
type DialogHandler = (event: DialogEvent) => void;

export interface DialogWindow {
  addEventHandler(type: string, handler: DialogHandler): void;
  close(): void;
}

type DialogResult =
  | { status: typeof asyncResultStatus.Succeeded; value: DialogWindow; error: undefined; asyncContext: unknown }
  | { status: typeof asyncResultStatus.Failed; value: undefined; error: { code: number; name: string; message: string }; asyncContext: unknown };

/** Office's numbers for a dialog that cannot open (learn.microsoft.com, "Handle errors and events in the Office dialog box"). */
const refusals = {
  untrustedDomain: { code: 12004, name: 'Display Dialog Error', message: 'The domain of the URL is not the same as the host page (protocol and port included).' },
  notHttps: { code: 12005, name: 'Display Dialog Error', message: 'The URL passed to displayDialogAsync uses HTTP; HTTPS is required.' },
  alreadyOpen: { code: 12007, name: 'Display Dialog Error', message: 'A dialog box is already opened from this host window.' },
  popupBlocked: { code: 12011, name: 'Display Dialog Error', message: 'The browser blocked the dialog window.' },
} as const;

/** Office's DialogEventReceived number for a dialog closed by the user. */
const closedByUser = 12006;

/**
 * `Office.context.ui.displayDialogAsync` as Outlook on the web runs it: a popup window whose first
 * page must be on the add-in's own origin; the page may then go anywhere, and its `messageParent`
 * (from the add-in's origin) reaches DialogMessageReceived; a user closing the window is
 * DialogEventReceived 12006. One dialog at a time per pane.
 */
export function openDialogWindow(own: Window, schedule: (task: () => void) => void) {
  let open: Window | undefined;
  return (url: string, options: { height?: number; width?: number; asyncContext?: unknown } | undefined, callback: ((result: DialogResult) => void) | undefined) => {
    const fail = (error: DialogResult['error'] & object) => schedule(() => callback?.({ status: asyncResultStatus.Failed, value: undefined, error, asyncContext: options?.asyncContext }));
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return fail(refusals.untrustedDomain);
    }
    // Office needs HTTPS; the local demo serves the add-in over HTTP on localhost, so only an add-in
    // served over HTTPS is held to it (the origin check below keeps the dialog on the same scheme).
    if (target.protocol !== 'https:' && own.location.protocol === 'https:') return fail(refusals.notHttps);
    if (target.origin !== own.location.origin) return fail(refusals.untrustedDomain);
    if (open && !open.closed) return fail(refusals.alreadyOpen);
    const percent = (value: number | undefined, of: number) => Math.round(((value ?? 80) / 100) * of);
    const popup = own.open(target.href, '_blank', `popup,width=${percent(options?.width, own.screen.availWidth)},height=${percent(options?.height, own.screen.availHeight)}`);
    if (!popup) return fail(refusals.popupBlocked);
    open = popup;

    const handlers = new Map<string, DialogHandler[]>();
    const fire = (event: DialogEvent) => {
      for (const handler of handlers.get(event.type) ?? []) schedule(() => handler(event));
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source !== popup || event.origin !== own.location.origin) return;
      const data: unknown = event.data;
      if (typeof data !== 'object' || data === null || !('channel' in data) || data.channel !== dialogMessageChannel || !('message' in data) || typeof data.message !== 'string') return;
      fire({ type: eventType.DialogMessageReceived, message: data.message, origin: event.origin });
    };
    // A browser says nothing when a popup is closed: Office on the web watches for it.
    const watch = own.setInterval(() => {
      if (!popup.closed) return;
      stop();
      fire({ type: eventType.DialogEventReceived, error: closedByUser });
    }, 200);
    const stop = () => {
      own.clearInterval(watch);
      own.removeEventListener('message', onMessage);
    };
    own.addEventListener('message', onMessage);

    const dialog: DialogWindow = {
      addEventHandler: (type, handler) => handlers.set(type, [...(handlers.get(type) ?? []), handler]),
      close: () => {
        stop();
        popup.close();
      },
    };
    schedule(() => callback?.({ status: asyncResultStatus.Succeeded, value: dialog, error: undefined, asyncContext: options?.asyncContext }));
  };
}
