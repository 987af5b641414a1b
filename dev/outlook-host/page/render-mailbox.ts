import type { ItemSnapshot } from '../host-protocol';
import { h } from './element';
import type { HostStrings } from './host-strings';

export interface MailboxView {
  items: ItemSnapshot[];
  selectedId: string | undefined;
  strings: HostStrings;
  culture: string;
  onSelect(itemId: string): void;
}

const itemButtonId = (itemId: string) => `item-${itemId}`;

/** The folder column: the inbox, drafts, then the calendar, each item a button; the selected one is `aria-current`. */
export function renderMailbox(view: MailboxView): HTMLElement {
  const messages = view.items.filter((item) => item.itemType === 'message');
  const drafts = view.items.filter((item) => item.itemType === 'draft');
  const meetings = view.items.filter((item) => item.itemType === 'appointment');
  const format = new Intl.DateTimeFormat(view.culture, { dateStyle: 'short', timeStyle: 'short' });
  const entry = (item: ItemSnapshot) => {
    const who = item.itemType === 'message' ? item.from.displayName : item.itemType === 'appointment' ? item.organizer.displayName : `${view.strings.draft}: ${item.to.map((person) => person.displayName).join('; ')}`;
    const when = item.itemType === 'appointment' ? item.start : item.dateTimeCreated;
    return h(
      'li',
      {},
      h(
        'button',
        { type: 'button', id: itemButtonId(item.itemId), class: 'item', 'aria-current': item.itemId === view.selectedId ? 'true' : undefined, 'data-item-id': item.itemId },
        h('span', { class: 'item-from' }, who),
        h('span', { class: 'item-subject' }, item.subject),
        h('span', { class: 'item-meta' }, format.format(new Date(when)), ...item.categories.map((category) => h('span', { class: 'category' }, category))),
      ),
    );
  };
  const nav = h(
    'nav',
    { class: 'folders', 'aria-label': view.strings.folders },
    h('h2', { class: 'folder-heading' }, view.strings.inbox),
    h('ul', { class: 'items' }, messages.map(entry)),
    h('h2', { class: 'folder-heading' }, view.strings.drafts),
    h('ul', { class: 'items' }, drafts.map(entry)),
    h('h2', { class: 'folder-heading' }, view.strings.calendar),
    h('ul', { class: 'items' }, meetings.map(entry)),
  );
  nav.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-item-id]') : null;
    const itemId = button?.getAttribute('data-item-id');
    if (itemId) view.onSelect(itemId);
  });
  return nav;
}

/** Moves `aria-current` without rebuilding the list, so focus stays on the button the user pressed. */
export function markSelected(nav: HTMLElement, itemId: string | undefined) {
  for (const button of nav.querySelectorAll('button[data-item-id]')) {
    if (button.getAttribute('data-item-id') === itemId) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}
