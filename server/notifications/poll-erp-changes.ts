import type { Logger } from 'pino';
import type { ErpPort } from '../../src/domain/erp-port';
import type { EnvironmentConfig } from '../config/config-schema';
import { contactCursors } from '../jobs/contact-sync-state';
import type { Store, UserKey } from '../store/store';
import { findAffectedMailboxes } from './find-affected-mailboxes';

export interface ErpChangePollOptions {
  store: Store;
  environments: ReadonlyMap<string, { config: EnvironmentConfig; erp: ErpPort }>;
  /** Queues runs of these mailboxes through the inbox, where they coalesce with the others. */
  queueRuns(environment: string, users: readonly UserKey[]): Promise<void>;
  logger: Logger;
}

/**
 * One pass of the ERP-side poll, for ERPs that cannot call out: for each mailbox syncing contacts,
 * asks the ERP's change feed for one change after the cursor its last run saved (by modification
 * time or content hash, as the adapter does), in the mailbox's scope, and queues a run of the
 * mailboxes that have one. A mailbox never synced yet is left to the schedule.
 */
export async function pollErpChanges(options: ErpChangePollOptions): Promise<number> {
  const { store, logger } = options;
  let queued = 0;
  for (const [name, environment] of options.environments) {
    const changed: UserKey[] = [];
    for (const user of await findAffectedMailboxes(store, { name, config: environment.config }, undefined)) {
      try {
        const cursor = await store.cursors.get(user, contactCursors.erpFeed);
        const record = await store.users.get(user);
        if (!cursor || !record) continue;
        // The scope the run uses: the admin's override, else (members only) the ERP user with the same email.
        const erpUserId = record.erpUserIdOverride ?? (record.isGuest ? undefined : (await environment.erp.findUserByEmail(record.email))?.id);
        const feed = await environment.erp.contactChanges(cursor.value, 1, erpUserId === undefined ? {} : { erpUserId });
        if (feed.items.length > 0 || feed.deletedIds.length > 0) changed.push(user);
      } catch (error) {
        logger.warn({ err: error, environment: name, user: user.objectId }, 'ERP change poll skipped a mailbox');
      }
    }
    if (changed.length > 0) await options.queueRuns(name, changed);
    queued += changed.length;
  }
  return queued;
}
