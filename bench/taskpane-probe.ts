/**
 * The in-page half of `npm run bench -- taskpane`, installed in every document before its own
 * scripts. In the Outlook host page it stamps each item switch; in the taskpane frame it watches
 * for the new sender's card. Times are `performance.timeOrigin + performance.now()`, taken in
 * the pages themselves, so the browser automation's round trips are never part of a figure.
 */

export interface CardTiming {
  /** Who the card is for, as the item names them. */
  name: string;
  email: string;
  /** `init` for the pane's first item; `itemChanged` after a switch. */
  kind: 'init' | 'itemChanged';
  /** When the message reached the pane. */
  receivedAt: number;
  /** The sender's card left its "looking up" state (contact, choice, "not in the ERP" or an error). */
  shownAt?: number;
  /** The first animation frame after that: the frame that paints the card. */
  paintedAt?: number;
  /** The first animation frame once nothing in the card is loading (account and recent actions included). */
  completeAt?: number;
  outcome?: 'contact' | 'choice' | 'notInErp' | 'error';
}

export interface ScriptLoad {
  url: string;
  /** Since the pane's navigation start, from Resource Timing. */
  startTime: number;
  responseEnd: number;
}

export interface PaneProbe {
  timeOrigin: number;
  cards: CardTiming[];
  scripts(): ScriptLoad[];
}

export interface HostProbe {
  /** Clicks on a mailbox item, stamped before the page's own handler dispatches ItemChanged. */
  switches: { itemId: string; at: number }[];
}

/** The window of either page once the probe is in. */
export type ProbeWindow = Window & { hostProbe?: HostProbe; paneProbe?: PaneProbe };

export interface ProbeOptions {
  channel: string;
  taskpanePath: string;
}

/** Runs in the browser, in every frame; see `probeScript`. */
export function installProbe(options: ProbeOptions): void {
  const now = () => performance.timeOrigin + performance.now();

  if (window.top === window) {
    const host: HostProbe = { switches: [] };
    Object.assign(window, { hostProbe: host });
    // Capture phase on the window: runs before the mailbox's click handler selects the item.
    window.addEventListener(
      'click',
      (event) => {
        const button = event.target instanceof Element ? event.target.closest('button[data-item-id]') : null;
        const itemId = button?.getAttribute('data-item-id');
        if (itemId) host.switches.push({ itemId, at: now() });
      },
      true,
    );
    return;
  }
  if (window.location.pathname !== options.taskpanePath) return;

  const pane: PaneProbe = {
    timeOrigin: performance.timeOrigin,
    cards: [],
    scripts: () =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => ({ url: entry.name, startTime: entry.startTime, responseEnd: entry.responseEnd })),
  };
  Object.assign(window, { paneProbe: pane });
  let watching: { timing: CardTiming; before: Set<Element> } | undefined;

  const senderCard = (name: string): Element | undefined => {
    for (const card of document.querySelectorAll('section[aria-label]')) {
      if (card.firstElementChild?.firstElementChild?.textContent === name && !watching?.before.has(card)) return card;
    }
    return undefined;
  };
  const lookingUp = (card: Element) => [...card.children].some((child) => child.getAttribute('role') === 'progressbar');
  const outcomeOf = (card: Element): CardTiming['outcome'] => {
    if (card.querySelector('[role="alert"]')) return 'error';
    if (card.querySelector('dl')) return 'contact';
    if (card.querySelector('ul')) return 'choice';
    return 'notInErp';
  };

  const check = () => {
    if (!watching) return;
    const { timing } = watching;
    const card = senderCard(timing.name);
    if (!card || lookingUp(card)) return;
    if (timing.shownAt === undefined) {
      timing.shownAt = now();
      timing.outcome = outcomeOf(card);
      requestAnimationFrame(() => {
        timing.paintedAt = now();
      });
    }
    if (!card.querySelector('[role="progressbar"]')) {
      watching = undefined;
      requestAnimationFrame(() => {
        timing.completeAt = now();
      });
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { channel?: unknown; kind?: unknown; item?: unknown; context?: { item?: unknown } } | null;
    if (!data || data.channel !== options.channel) return;
    const item = (data.kind === 'init' ? data.context?.item : data.kind === 'itemChanged' ? data.item : undefined) as
      | { itemType: string; from: { displayName: string; emailAddress: string } }
      | null
      | undefined;
    if (!item || item.itemType !== 'message' || (data.kind !== 'init' && data.kind !== 'itemChanged')) return;
    const timing: CardTiming = { name: item.from.displayName || item.from.emailAddress, email: item.from.emailAddress, kind: data.kind, receivedAt: now() };
    pane.cards.push(timing);
    // Cards on screen now belong to the previous item: only a card rendered after this counts.
    watching = { timing, before: new Set(document.querySelectorAll('section[aria-label]')) };
    check();
  });
}

/**
 * The probe as an init script. tsx keeps function names with a `__name` helper that exists only
 * in Node, so the script brings a stand-in for it.
 */
export function probeScript(options: ProbeOptions): string {
  return `(() => { const __name = (value) => value; (${installProbe.toString()})(${JSON.stringify(options)}); })();`;
}
