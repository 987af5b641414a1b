import { mailboxPath, type Mailbox } from '../mailbox-path';

/** `…/todo/lists/{listId}/tasks`: the one list the bridge syncs. */
export function listTasksPath(mailbox: Mailbox, listId: string): string {
  return `${mailboxPath(mailbox)}/todo/lists/${encodeURIComponent(listId)}/tasks`;
}
