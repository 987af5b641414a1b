import type { Kysely, Selectable } from 'kysely';
import { readJsonObjectColumn } from './json-column';
import { readEnumColumn } from './read-enum-column';
import type { LinkRecord, Store } from './store';
import type { LinksTable, StoreDatabase } from './store-database';
import { requireKnownUser } from './require-known-user';
import { toIsoInstant } from './to-iso-instant';
import { userFilter } from './user-filter';

export const linkEntities = ['contact', 'event', 'task'] as const satisfies readonly LinkRecord['entity'][];
const linkStates = ['active', 'suppressed'] as const satisfies readonly LinkRecord['state'][];

export function createLinkStore(db: Kysely<StoreDatabase>): Store['links'] {
  return {
    async upsert(link) {
      const columns = {
        outlook_id: link.outlookId,
        state: link.state,
        snapshot: JSON.stringify(link.snapshot),
        missed_listings: link.missedListings,
        updated_at: toIsoInstant(link.updatedAt, 'updatedAt'),
      };
      await requireKnownUser(link.user, () =>
        db
          .insertInto('links')
          .values({ ...userFilter(link.user), entity: link.entity, erp_id: link.erpId, ...columns })
          .onConflict((conflict) => conflict.columns(['tenant_id', 'object_id', 'entity', 'erp_id']).doUpdateSet(columns))
          .execute(),
      );
    },

    async get(key, entity, erpId) {
      const row = await db.selectFrom('links').selectAll().where((eb) => eb.and({ ...userFilter(key), entity, erp_id: erpId })).executeTakeFirst();
      return row && toLinkRecord(row);
    },

    async findByOutlookId(key, entity, outlookId) {
      const row = await db
        .selectFrom('links')
        .selectAll()
        .where((eb) => eb.and({ ...userFilter(key), entity, outlook_id: outlookId }))
        // Ids are unique per user in practice; the order only makes a duplicate's pick repeatable.
        .orderBy('erp_id')
        .executeTakeFirst();
      return row && toLinkRecord(row);
    },

    async listForUser(key, entity, page) {
      let query = db
        .selectFrom('links')
        .selectAll()
        .where((eb) => eb.and({ ...userFilter(key), entity }))
        .orderBy('erp_id');
      if (page?.afterErpId !== undefined) query = query.where('erp_id', '>', page.afterErpId);
      if (page !== undefined) query = query.limit(page.limit);
      return (await query.execute()).map(toLinkRecord);
    },

    async remove(key, entity, erpId) {
      const result = await db.deleteFrom('links').where((eb) => eb.and({ ...userFilter(key), entity, erp_id: erpId })).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

function toLinkRecord(row: Selectable<LinksTable>): LinkRecord {
  const where = `link ${row.entity}/${row.erp_id} of user ${row.tenant_id}/${row.object_id}`;
  return {
    user: { tenantId: row.tenant_id, objectId: row.object_id },
    entity: readEnumColumn(row.entity, linkEntities, `${where} entity`),
    erpId: row.erp_id,
    outlookId: row.outlook_id,
    state: readEnumColumn(row.state, linkStates, `${where} state`),
    snapshot: readJsonObjectColumn(row.snapshot, `${where} snapshot`),
    missedListings: row.missed_listings,
    updatedAt: row.updated_at,
  };
}
