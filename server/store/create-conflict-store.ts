import type { Kysely, Selectable } from 'kysely';
import { linkEntities } from './create-link-store';
import { readJsonColumn, toJsonColumn } from './json-column';
import { readEnumColumn } from './read-enum-column';
import type { ConflictRecord, Store } from './store';
import type { ConflictsTable, StoreDatabase } from './store-database';
import { requireKnownUser } from './require-known-user';
import { toIsoInstant } from './to-iso-instant';
import { userFilter } from './user-filter';

const conflictStatuses = ['open', 'resolved'] as const satisfies readonly ConflictRecord['status'][];
const resolutions = ['erp', 'outlook'] as const satisfies readonly NonNullable<ConflictRecord['resolution']>[];

export function createConflictStore(db: Kysely<StoreDatabase>): Store['conflicts'] {
  return {
    async add(conflict) {
      await requireKnownUser(conflict.user, () =>
        db
          .insertInto('conflicts')
          .values({
            id: conflict.id,
            ...userFilter(conflict.user),
            entity: conflict.entity,
            erp_id: conflict.erpId,
            field: conflict.field,
            erp_value: toJsonColumn(conflict.erpValue),
            outlook_value: toJsonColumn(conflict.outlookValue),
            status: conflict.status,
            resolution: conflict.resolution ?? null,
            created_at: toIsoInstant(conflict.createdAt, 'createdAt'),
            resolved_at: conflict.resolvedAt === undefined ? null : toIsoInstant(conflict.resolvedAt, 'resolvedAt'),
          })
          .execute(),
      );
    },

    async get(key, id) {
      const row = await db.selectFrom('conflicts').selectAll().where((eb) => eb.and({ ...userFilter(key), id })).executeTakeFirst();
      return row && toConflictRecord(row);
    },

    async listForUser(key, status) {
      let query = db
        .selectFrom('conflicts')
        .selectAll()
        .where((eb) => eb.and(userFilter(key)))
        .orderBy('created_at')
        .orderBy('id');
      if (status !== undefined) query = query.where('status', '=', status);
      const rows = await query.execute();
      return rows.map(toConflictRecord);
    },

    async resolve(key, id, resolution, now) {
      const result = await db
        .updateTable('conflicts')
        .set({ status: 'resolved', resolution, resolved_at: toIsoInstant(now, 'now') })
        .where((eb) => eb.and({ ...userFilter(key), id, status: 'open' }))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

function toConflictRecord(row: Selectable<ConflictsTable>): ConflictRecord {
  const where = `conflict ${row.id}`;
  return {
    id: row.id,
    user: { tenantId: row.tenant_id, objectId: row.object_id },
    entity: readEnumColumn(row.entity, linkEntities, `${where} entity`),
    erpId: row.erp_id,
    field: row.field,
    erpValue: readJsonColumn(row.erp_value, `${where} ERP value`),
    outlookValue: readJsonColumn(row.outlook_value, `${where} Outlook value`),
    status: readEnumColumn(row.status, conflictStatuses, `${where} status`),
    ...(row.resolution === null ? {} : { resolution: readEnumColumn(row.resolution, resolutions, `${where} resolution`) }),
    createdAt: row.created_at,
    ...(row.resolved_at === null ? {} : { resolvedAt: row.resolved_at }),
  };
}
