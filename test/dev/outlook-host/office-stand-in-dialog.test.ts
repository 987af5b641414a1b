import { describe, expect, it } from 'vitest';
import { createDialogPageOffice } from '../../../dev/outlook-host/office-stand-in/create-dialog-page-office';
import { type DialogWindow, openDialogWindow } from '../../../dev/outlook-host/office-stand-in/open-dialog-window';

const paneOrigin = 'https://localhost:3000';

/** The pane's window as the stand-in uses it: popups it opens, message listeners, and a watch it ticks by hand. */
function fakePaneWindow(options: { blocksPopups?: boolean } = {}) {
  const popups: { url: string; features: string; closed: boolean; opener?: unknown; close(): void }[] = [];
  const listeners = new Set<(event: MessageEvent) => void>();
  const watches = new Map<number, () => void>();
  let nextWatch = 1;
  const pane = {
    location: { origin: paneOrigin, protocol: 'https:' },
    screen: { availWidth: 1000, availHeight: 800 },
    open(url: string, _target: string, features: string) {
      if (options.blocksPopups) return null;
      const popup = { url, features, closed: false, close: () => void (popup.closed = true) };
      popups.push(popup);
      return popup;
    },
    addEventListener: (_type: 'message', listener: (event: MessageEvent) => void) => listeners.add(listener),
    removeEventListener: (_type: 'message', listener: (event: MessageEvent) => void) => listeners.delete(listener),
    setInterval: (task: () => void) => (watches.set(nextWatch, task), nextWatch++),
    clearInterval: (id: number) => watches.delete(id),
  };
  return {
    pane: pane as unknown as Window,
    popups,
    watching: () => watches.size,
    tick: () => [...watches.values()].forEach((task) => task()),
    deliver: (event: { source: unknown; origin: string; data: unknown }) => listeners.forEach((listener) => listener(event as MessageEvent)),
  };
}

/** Opens a dialog and resolves with Office's AsyncResult. */
function display(open: ReturnType<typeof openDialogWindow>, url: string) {
  return new Promise<{ status: string; value?: DialogWindow; error?: { code: number } }>((resolve) => open(url, { height: 60, width: 30 }, resolve));
}

describe('displayDialogAsync in the Outlook host stand-in', () => {
  it('opens a popup on the add-in’s origin and delivers its messageParent to DialogMessageReceived', async () => {
    const window = fakePaneWindow();
    const result = await display(openDialogWindow(window.pane, (task) => task()), `${paneOrigin}/taskpane.html?consent=start`);
    expect(result.status).toBe('succeeded');
    expect(window.popups.map((popup) => [popup.url, popup.features])).toEqual([[`${paneOrigin}/taskpane.html?consent=start`, 'popup,width=300,height=480']]);
    const received: unknown[] = [];
    result.value?.addEventHandler('dialogMessageReceived', (event) => received.push(event));
    const [popup] = window.popups;

    // The dialog page's Office.js posts to its opener, on its own origin.
    const sent: [unknown, string][] = [];
    const dialogPage = { opener: { postMessage: (data: unknown, origin: string) => sent.push([data, origin]) }, location: { origin: paneOrigin } };
    createDialogPageOffice(dialogPage as unknown as Window).context.ui.messageParent('{"kind":"granted"}');
    for (const [data, origin] of sent) window.deliver({ source: popup, origin, data });
    // Another window, or another origin, is not the dialog.
    window.deliver({ source: {}, origin: paneOrigin, data: sent[0]?.[0] });
    window.deliver({ source: popup, origin: 'https://elsewhere.example', data: sent[0]?.[0] });

    expect(received).toEqual([{ type: 'dialogMessageReceived', message: '{"kind":"granted"}', origin: paneOrigin }]);
    result.value?.close();
    expect(popup?.closed).toBe(true);
    expect(window.watching()).toBe(0);
  });

  it('tells DialogEventReceived 12006 when the user closes the window', async () => {
    const window = fakePaneWindow();
    const result = await display(openDialogWindow(window.pane, (task) => task()), `${paneOrigin}/taskpane.html`);
    const events: unknown[] = [];
    result.value?.addEventHandler('dialogEventReceived', (event) => events.push(event));
    window.tick();
    expect(events).toEqual([]);
    window.popups[0]?.close();
    window.tick();
    expect(events).toEqual([{ type: 'dialogEventReceived', error: 12006 }]);
    expect(window.watching()).toBe(0);
  });

  it.each([
    ['another origin', 'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize', 12004],
    ['another port', 'https://localhost:3001/taskpane.html', 12004],
    ['HTTP', 'http://localhost:3000/taskpane.html', 12005],
  ])('refuses a first page on %s, as Office does', async (_case, url, code) => {
    const window = fakePaneWindow();
    expect(await display(openDialogWindow(window.pane, (task) => task()), url)).toMatchObject({ status: 'failed', error: { code } });
    expect(window.popups).toEqual([]);
  });

  it('opens one dialog at a time, and says when the browser blocks the popup', async () => {
    const window = fakePaneWindow();
    const open = openDialogWindow(window.pane, (task) => task());
    await display(open, `${paneOrigin}/taskpane.html`);
    expect(await display(open, `${paneOrigin}/taskpane.html`)).toMatchObject({ status: 'failed', error: { code: 12007 } });
    const blocked = fakePaneWindow({ blocksPopups: true });
    expect(await display(openDialogWindow(blocked.pane, (task) => task()), `${paneOrigin}/taskpane.html`)).toMatchObject({ status: 'failed', error: { code: 12011 } });
  });
});
