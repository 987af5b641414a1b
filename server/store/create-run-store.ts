import type { Kysely, Selectable, Updateable } from 'kysely';
import { checkLimit } from './check-limit';
import { readJsonObjectColumn } from './json-column';
import { readEnumColumn } from './read-enum-column';
import type { RunChange, RunRecord, Store } from './store';
import type { RunsTable, StoreDatabase } from './store-database';
import { requireKnownUser } from './require-known-user';
import { toIsoInstant } from './to-iso-instant';
import { userFilter } from './user-filter';

const runKinds = ['contacts', 'actions', 'preview'] as const satisfies readonly RunRecord['kind'][];
const runStatuses = ['queued', 'running', 'succeeded', 'failed', 'waiting_confirmation'] as const satisfies readonly RunRecord['status'][];

export function createRunStore(db: Kysely<StoreDatabase>): Store['runs'] {
  return {
    async create(run) {
      await requireKnownUser(run.user, () =>
        db
          .insertInto('runs')
          .values({
            id: run.id,
            ...userFilter(run.user),
            kind: run.kind,
            status: run.status,
            stage: run.stage,
            done: run.done,
            total: run.total,
            started_at: toIsoInstant(run.startedAt, 'startedAt'),
            finished_at: run.finishedAt === undefined ? null : toIsoInstant(run.finishedAt, 'finishedAt'),
            report: run.report === undefined ? null : JSON.stringify(run.report),
          })
          .execute(),
      );
    },

    async update(key, id, change) {
      const values = toRunColumns(change);
      const filter = { ...userFilter(key), id };
      if (Object.keys(values).length === 0) {
        return (await db.selectFrom('runs').select('id').where((eb) => eb.and(filter)).executeTakeFirst()) !== undefined;
      }
      const result = await db.updateTable('runs').set(values).where((eb) => eb.and(filter)).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async get(key, id) {
      const row = await db.selectFrom('runs').selectAll().where((eb) => eb.and({ ...userFilter(key), id })).executeTakeFirst();
      return row && toRunRecord(row);
    },

    async listForUser(key, limit) {
      const rows = await db
        .selectFrom('runs')
        .selectAll()
        .where((eb) => eb.and(userFilter(key)))
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(checkLimit(limit))
        .execute();
      return rows.map(toRunRecord);
    },
  };
}

/** Only the fields present in the change are written. */
function toRunColumns(change: RunChange): Updateable<RunsTable> {
  return {
    ...(change.status === undefined ? {} : { status: change.status }),
    ...(change.stage === undefined ? {} : { stage: change.stage }),
    ...(change.done === undefined ? {} : { done: change.done }),
    ...(change.total === undefined ? {} : { total: change.total }),
    ...(change.finishedAt === undefined ? {} : { finished_at: toIsoInstant(change.finishedAt, 'finishedAt') }),
    ...(change.report === undefined ? {} : { report: JSON.stringify(change.report) }),
  };
}

function toRunRecord(row: Selectable<RunsTable>): RunRecord {
  const where = `run ${row.id}`;
  return {
    id: row.id,
    user: { tenantId: row.tenant_id, objectId: row.object_id },
    kind: readEnumColumn(row.kind, runKinds, `${where} kind`),
    status: readEnumColumn(row.status, runStatuses, `${where} status`),
    stage: row.stage,
    done: row.done,
    total: row.total,
    startedAt: row.started_at,
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
    ...(row.report === null ? {} : { report: readJsonObjectColumn(row.report, `${where} report`) }),
  };
}
