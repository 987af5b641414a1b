import type { EmulatorState } from './emulator-state';
import { accessDenied, GraphError, itemNotFound } from './graph-error';
import { assertPermission, calendarsRead, contactsRead, type GraphPermission, tasksRead } from './graph-permissions';
import type { GraphPrincipal } from './graph-principal';
import type { Mailbox } from './mailbox';
import type { MailboxItemKind } from './mailbox-change-feed';
import type { SubscriptionTarget } from './subscription-record';

/** A segment `name/{id}` or `name('{id}')`, the two spellings Graph's examples use. */
const segment = (name: string) => `${name}(?:/([^/()']+)|\\('([^']+)'\\))`;
const user = `(?:me|${segment('users')})`;

interface ResourcePattern {
  pattern: RegExp;
  kind: MailboxItemKind;
  /** The watched container, from the mailbox and the id captured after the user (if any). */
  container: (mailbox: Mailbox, id: string | undefined) => string;
}

const patterns: readonly ResourcePattern[] = [
  { pattern: new RegExp(`^${user}/contacts$`, 'i'), kind: 'contact', container: (mailbox) => mailbox.defaultFolderId },
  { pattern: new RegExp(`^${user}/${segment('contactFolders')}/contacts$`, 'i'), kind: 'contact', container: (mailbox, id) => mailbox.requireFolder(id ?? '').id },
  { pattern: new RegExp(`^${user}/(?:calendar/)?events$`, 'i'), kind: 'event', container: (mailbox) => mailbox.calendar.primaryCalendarId },
  { pattern: new RegExp(`^${user}/${segment('calendars')}/events$`, 'i'), kind: 'event', container: (mailbox, id) => mailbox.calendar.requireCalendar(id ?? '').id },
  { pattern: new RegExp(`^${user}/todo/${segment('lists')}/tasks$`, 'i'), kind: 'task', container: (mailbox, id) => mailbox.todo.requireList(id ?? '').id },
];

/** Subscribing needs read access to the resource (the `.Read` permission or more). */
const readPermission: Readonly<Record<MailboxItemKind, GraphPermission>> = { contact: contactsRead, event: calendarsRead, task: tasksRead };

/**
 * Reads a subscription's `resource` (`me/events`, `users/{id}/contactFolders/{id}/contacts`,
 * `me/todo/lists/{id}/tasks` …) and checks the caller may watch it: a delegated caller only its
 * own mailbox, an app any mailbox of its tenant.
 */
export function resolveSubscriptionResource(resource: string, principal: GraphPrincipal, state: EmulatorState): SubscriptionTarget {
  const path = resource.trim().replace(/^\/+/, '').replace(/^v1\.0\//i, '');
  for (const { pattern, kind, container } of patterns) {
    const match = pattern.exec(path);
    if (!match) continue;
    const [, userPath, userQuoted, idPath, idQuoted] = match;
    const userKey = userPath ?? userQuoted;
    const mailbox = mailboxOf(userKey, principal, state);
    assertPermission(principal, readPermission[kind], accessDenied);
    return { mailboxId: mailbox.user.id, kind, containerId: container(mailbox, idPath ?? idQuoted) };
  }
  throw new GraphError(400, 'InvalidRequest', `The resource '${resource}' is not supported by the emulator: subscribe to contacts, events or To Do tasks of a mailbox.`);
}

function mailboxOf(userKey: string | undefined, principal: GraphPrincipal, state: EmulatorState): Mailbox {
  if (userKey === undefined) {
    if (principal.kind !== 'delegated') throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    const own = state.findMailbox(principal.userId);
    if (!own) throw itemNotFound();
    return own;
  }
  const mailbox = state.findMailbox(userKey);
  if (!mailbox) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${userKey}' is invalid.`);
  const otherTenant = mailbox.user.tenantId.toLowerCase() !== principal.tenantId.toLowerCase();
  if (otherTenant || (principal.kind === 'delegated' && mailbox.user.id !== principal.userId)) throw accessDenied();
  return mailbox;
}
