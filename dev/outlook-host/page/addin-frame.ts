import { type AddinToHost, type HostCall, type HostCallError, type HostCallOutcome, type HostContext, type HostToAddin, hostChannel, isAddinToHost, type ItemSnapshot, type MailAddress, type OfficeThemeSnapshot } from '../host-protocol';
import { h } from './element';

/** What the host does for the add-in when its Office.js asks. */
export interface AddinFrameHost {
  /** The state handed over when the add-in's Office.js says hello (at every load). */
  context(): HostContext;
  getAccessToken(): Promise<string>;
  saveSettings(settings: Record<string, unknown>): void;
  setCategories(itemId: string, categories: string[]): string[];
  /** Compose: appends to the draft's body and answers the new body. */
  insertText(itemId: string, text: string): string;
  /** Compose: adds people to the draft's To or Cc line and answers the line. */
  addRecipients(itemId: string, field: 'to' | 'cc', recipients: MailAddress[]): MailAddress[];
}

export interface AddinFrame {
  element: HTMLIFrameElement;
  /** (Re)loads the taskpane: Office gives the display language and the user only at load. */
  load(url: string): void;
  itemChanged(item: ItemSnapshot | null): void;
  themeChanged(theme: OfficeThemeSnapshot): void;
}

/**
 * The add-in's iframe and the host's half of the Office.js conversation. Messages count only from
 * the frame's window on the bridge's origin; everything goes back to that origin alone.
 */
export function createAddinFrame(bridgeUrl: string, title: string, host: AddinFrameHost): AddinFrame {
  const origin = new URL(bridgeUrl).origin;
  const element = h('iframe', { title, class: 'addin-frame' });
  // Until the frame's Office.js says hello, changes wait: `init` will carry the latest state.
  let connected = false;

  const post = (message: HostToAddin) => {
    if (connected) element.contentWindow?.postMessage(message, origin);
  };

  const answer = async (call: HostCall): Promise<HostCallOutcome> => {
    try {
      switch (call.method) {
        case 'getAccessToken':
          return { status: 'succeeded', value: await host.getAccessToken() };
        case 'saveSettings':
          host.saveSettings(call.params.settings);
          return { status: 'succeeded', value: null };
        case 'setCategories':
          return { status: 'succeeded', value: host.setCategories(call.params.itemId, call.params.categories) };
        case 'insertText':
          return { status: 'succeeded', value: host.insertText(call.params.itemId, call.params.text) };
        case 'addRecipients':
          return { status: 'succeeded', value: host.addRecipients(call.params.itemId, call.params.field, call.params.recipients) };
      }
    } catch (error) {
      return { status: 'failed', error: toHostCallError(error) };
    }
  };

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== element.contentWindow || event.origin !== origin || !isAddinToHost(event.data)) return;
    const message: AddinToHost = event.data;
    if (message.kind === 'hello') {
      connected = true;
      post({ channel: hostChannel, kind: 'init', context: host.context() });
      return;
    }
    void answer(message.call).then((outcome) => post({ channel: hostChannel, kind: 'reply', id: message.id, outcome }));
  });

  return {
    element,
    load(url) {
      connected = false;
      element.src = url;
    },
    itemChanged: (item) => post({ channel: hostChannel, kind: 'itemChanged', item }),
    themeChanged: (officeTheme) => post({ channel: hostChannel, kind: 'themeChanged', officeTheme }),
  };
}

/** A failure the host reports in Office's terms: 13001 means nobody could be signed in. */
export class HostCallFailure extends Error {
  constructor(
    readonly code: number,
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

function toHostCallError(error: unknown): HostCallError {
  if (error instanceof HostCallFailure) return { code: error.code, name: error.name, message: error.message };
  return { code: 9002, name: 'InternalError', message: error instanceof Error ? error.message : String(error) };
}
