import type { Logger } from 'pino';
import type { ErpPort, MailboxScope } from '../../src/domain/erp-port';
import type { EnvironmentConfig } from '../config/config-schema';
import { contactCursors } from '../jobs/contact-sync-state';
import { eventCursors } from '../jobs/create-store-event-sync';
import { taskCursors } from '../jobs/create-store-task-sync';
import { findMailboxErpUserId } from '../jobs/find-mailbox-erp-user-id';
import type { Store, UserKey } from '../store/store';
import { listSyncingMailboxes, type SyncingMailbox } from './list-syncing-mailboxes';

export interface ErpChangePollOptions {
  store: Store;
  environments: ReadonlyMap<string, { config: EnvironmentConfig; erp: ErpPort }>;
  /** Queues runs of these mailboxes through the inbox, where they coalesce with the others. */
  queueRuns(environment: string, users: readonly UserKey[]): Promise<void>;
  logger: Logger;
}

/** Where each action collection's last run left the ERP's action feed. */
const actionFeedCursors = { events: eventCursors.erpFeed, tasks: taskCursors.erpFeed } as const;

/** Whether the ERP's feeds hold a change after the cursors the mailbox's last runs saved, in its scope. */
async function hasErpChange(store: Store, erp: ErpPort, mailbox: SyncingMailbox): Promise<boolean> {
  let scope: MailboxScope | undefined;
  // The scope the run uses, asked of the ERP only when a cursor needs it.
  const scopeOf = async () => {
    if (scope) return scope;
    const erpUserId = await findMailboxErpUserId(erp, mailbox.record);
    scope = erpUserId === undefined ? {} : { erpUserId };
    return scope;
  };
  const changed = (feed: { items: readonly unknown[]; deletedIds: readonly unknown[] }) => feed.items.length > 0 || feed.deletedIds.length > 0;
  if (mailbox.contacts) {
    const cursor = await store.cursors.get(mailbox.user, contactCursors.erpFeed);
    if (cursor && changed(await erp.contactChanges(cursor.value, 1, await scopeOf()))) return true;
  }
  for (const collection of mailbox.actions) {
    const cursor = await store.cursors.get(mailbox.user, actionFeedCursors[collection]);
    // An action deleted or given away is in `deletedIds` even when the mailbox never had it: one quiet run, which moves the cursor past it.
    if (cursor && changed(await erp.actionChanges(cursor.value, 1, await scopeOf()))) return true;
  }
  return false;
}

/**
 * One pass of the ERP-side poll, for ERPs that cannot call out: for each mailbox syncing contacts
 * or actions, asks the ERP's change feeds for one change after the cursors its last run saved (by
 * modification time or content hash, as the adapter does), in the mailbox's scope, and queues a
 * run of the mailboxes that have one. A collection never synced yet is left to the schedule.
 */
export async function pollErpChanges(options: ErpChangePollOptions): Promise<number> {
  const { store, logger } = options;
  let queued = 0;
  for (const [name, environment] of options.environments) {
    const changed: UserKey[] = [];
    for (const mailbox of await listSyncingMailboxes(store, { name, config: environment.config })) {
      try {
        if (await hasErpChange(store, environment.erp, mailbox)) changed.push(mailbox.user);
      } catch (error) {
        logger.warn({ err: error, environment: name, user: mailbox.user.objectId }, 'ERP change poll skipped a mailbox');
      }
    }
    if (changed.length > 0) await options.queueRuns(name, changed);
    queued += changed.length;
  }
  return queued;
}
