import type { Kysely, Selectable } from 'kysely';
import type { UserKey } from './store';
import type { LoggedItem, Store } from './store';
import type { LoggedItemsTable, StoreDatabase } from './store-database';
import { toIsoInstant } from './to-iso-instant';

/** A claim read back as gone was released in between; claiming again settles it within a few rounds. */
const claimAttempts = 5;

/** The claim of an item that this user holds and has not completed yet. */
function pendingClaimOf(key: UserKey, environment: string, itemKey: string) {
  return { environment, item_key: itemKey, logged_by_tenant_id: key.tenantId, logged_by_object_id: key.objectId, erp_action_id: null };
}

export function createLoggedItemStore(db: Kysely<StoreDatabase>): Store['loggedItems'] {
  async function get(environment: string, itemKey: string): Promise<LoggedItem | undefined> {
    const row = await db.selectFrom('logged_items').selectAll().where('environment', '=', environment).where('item_key', '=', itemKey).executeTakeFirst();
    return row && toLoggedItem(row);
  }

  return {
    async claim(item, options = {}) {
      const loggedAt = toIsoInstant(item.loggedAt, 'loggedAt');
      const takeOverBefore = options.takeOverClaimsBefore === undefined ? undefined : toIsoInstant(options.takeOverClaimsBefore, 'takeOverClaimsBefore');
      const owner = { logged_by_tenant_id: item.loggedBy.tenantId, logged_by_object_id: item.loggedBy.objectId, logged_at: loggedAt };
      for (let attempt = 1; attempt <= claimAttempts; attempt += 1) {
        // The primary key decides between concurrent claimers, on every instance: exactly one insert returns a row.
        const inserted = await db
          .insertInto('logged_items')
          .values({ environment: item.environment, item_key: item.itemKey, erp_action_id: null, ...owner })
          .onConflict((conflict) => conflict.columns(['environment', 'item_key']).doNothing())
          .returning('item_key')
          .executeTakeFirst();
        if (inserted !== undefined) return { claimed: true };
        const existing = await get(item.environment, item.itemKey);
        if (existing === undefined) continue;
        if (takeOverBefore !== undefined && existing.erpActionId === undefined && existing.loggedAt < takeOverBefore) {
          if (await takeOver(existing, owner)) return { claimed: true };
          continue;
        }
        return { claimed: false, existing };
      }
      throw new Error(`claiming ${item.environment}/${item.itemKey} did not settle after ${claimAttempts} attempts`);
    },

    async complete(key, environment, itemKey, erpActionId) {
      const result = await db
        .updateTable('logged_items')
        .set({ erp_action_id: erpActionId })
        .where((eb) => eb.and(pendingClaimOf(key, environment, itemKey)))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async release(key, environment, itemKey) {
      const result = await db
        .deleteFrom('logged_items')
        .where((eb) => eb.and(pendingClaimOf(key, environment, itemKey)))
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    get,
  };

  /** Compare-and-swap on the stale claim as read, so two claimers cannot both take it over. */
  async function takeOver(stale: LoggedItem, owner: Pick<LoggedItemsTable, 'logged_by_tenant_id' | 'logged_by_object_id' | 'logged_at'>): Promise<boolean> {
    const result = await db
      .updateTable('logged_items')
      .set(owner)
      .where('environment', '=', stale.environment)
      .where('item_key', '=', stale.itemKey)
      .where('erp_action_id', 'is', null)
      .where('logged_by_tenant_id', '=', stale.loggedBy.tenantId)
      .where('logged_by_object_id', '=', stale.loggedBy.objectId)
      .where('logged_at', '=', stale.loggedAt)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}

function toLoggedItem(row: Selectable<LoggedItemsTable>): LoggedItem {
  return {
    environment: row.environment,
    itemKey: row.item_key,
    ...(row.erp_action_id === null ? {} : { erpActionId: row.erp_action_id }),
    loggedBy: { tenantId: row.logged_by_tenant_id, objectId: row.logged_by_object_id },
    loggedAt: row.logged_at,
  };
}
