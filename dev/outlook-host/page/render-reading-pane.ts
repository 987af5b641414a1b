import type { ItemSnapshot, MailAddress } from '../host-protocol';
import { h } from './element';
import type { HostStrings } from './host-strings';

const people = (list: MailAddress[]) => list.map((person) => `${person.displayName} <${person.emailAddress}>`).join('; ');

/** The reading pane: the item's header fields and its body, all as text; a draft shows what it holds so far. */
export function renderReadingPane(item: ItemSnapshot | undefined, strings: HostStrings, culture: string): HTMLElement {
  if (!item) return h('main', { class: 'reading', 'aria-label': strings.reading }, h('p', { class: 'muted' }, strings.noItem));
  const format = new Intl.DateTimeFormat(culture, { dateStyle: 'full', timeStyle: 'short' });
  const fields: [string, string][] = [];
  if (item.itemType === 'message') {
    fields.push([strings.from, people([item.from])], [strings.to, people(item.to)]);
    if (item.cc.length) fields.push([strings.cc, people(item.cc)]);
    fields.push([strings.when, format.format(new Date(item.dateTimeCreated))]);
  } else if (item.itemType === 'draft') {
    fields.push([strings.to, people(item.to)]);
    if (item.cc.length) fields.push([strings.cc, people(item.cc)]);
  } else {
    fields.push([strings.organizer, people([item.organizer])], [strings.attendees, people(item.requiredAttendees)]);
    if (item.optionalAttendees.length) fields.push([strings.optional, people(item.optionalAttendees)]);
    const ends = new Intl.DateTimeFormat(culture, { timeStyle: 'short' }).format(new Date(item.end));
    fields.push([strings.when, `${format.format(new Date(item.start))} – ${ends}`], [strings.location, item.location]);
  }
  if (item.categories.length) fields.push([strings.categories, item.categories.join(', ')]);
  return h(
    'main',
    { class: 'reading', 'aria-labelledby': 'reading-subject' },
    h(
      'article',
      {},
      h('h2', { id: 'reading-subject', class: 'subject' }, item.itemType === 'draft' ? `${strings.draft}: ${item.subject}` : item.subject),
      h('dl', { class: 'fields' }, fields.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
      h('div', { class: 'body' }, item.body.split(/\n{2,}/).map((paragraph) => h('p', {}, paragraph))),
    ),
  );
}
