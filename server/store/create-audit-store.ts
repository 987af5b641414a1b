import type { Kysely, Selectable } from 'kysely';
import { checkLimit } from './check-limit';
import { readJsonObjectColumn } from './json-column';
import type { AuditEntry, Store } from './store';
import type { AuditLogTable, StoreDatabase } from './store-database';
import { toIsoInstant } from './to-iso-instant';
import { userFilter } from './user-filter';

export function createAuditStore(db: Kysely<StoreDatabase>): Store['audit'] {
  return {
    async append(entry) {
      const row = await db
        .insertInto('audit_log')
        .values({
          ...userFilter(entry.user),
          environment: entry.environment,
          action: entry.action,
          target_type: entry.targetType,
          target_id: entry.targetId,
          details: JSON.stringify(entry.details),
          at: toIsoInstant(entry.at, 'at'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async listForUser(key, page) {
      let query = db
        .selectFrom('audit_log')
        .selectAll()
        .where((eb) => eb.and(userFilter(key)))
        .orderBy('id', 'desc')
        .limit(checkLimit(page.limit));
      if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
      const rows = await query.execute();
      return rows.map(toAuditEntry);
    },
  };
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    user: { tenantId: row.tenant_id, objectId: row.object_id },
    environment: row.environment,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: readJsonObjectColumn(row.details, `audit entry ${row.id} details`),
    at: row.at,
  };
}
