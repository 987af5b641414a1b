import { sql, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import { ErpError, type ActionSearch, type ChangeFeed, type ErpActor, type MailboxScope } from '../../../src/domain/erp-port';
import {
  actionInputSchema,
  actionPatchSchema,
  actionStatuses,
  actionTypes,
  type ActionInput,
  type ActionPatch,
  type ErpAction,
} from '../../../src/domain/erp-records';
import type { Page } from '../../../src/domain/page';
import { clampPageLimit } from '../clamp-page-limit';
import { emptyToNull } from '../empty-to-null';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-cursor';
import { omitUndefined } from '../omit-undefined';
import { parseErpInput } from '../parse-erp-input';
import type { ActionTable, DemoErpDatabase } from './demo-erp-database';
import { actionSortAt } from './action-sort-at';
import { nextChangeStamp } from './next-change-stamp';
import { parseDemoId } from './parse-demo-id';
import { resolveDemoReferences } from './resolve-demo-references';

const actionKey = z.tuple([z.string(), z.number().int()]);
const actionType = z.enum(actionTypes);
const actionStatus = z.enum(actionStatuses);

/**
 * Actions (calls, visits, meetings, …) of the demo ERP, listed newest first by when they happen.
 * Writes are stamped by `nextChangeStamp`, so the change feed never skips one.
 */
export class DemoActionRepository {
  constructor(
    private readonly db: Kysely<DemoErpDatabase>,
    private readonly now: () => Date,
  ) {}

  async list(search: ActionSearch): Promise<Page<ErpAction>> {
    const limit = clampPageLimit(search.limit);
    let query = this.db.selectFrom('actions').selectAll();
    if (search.contactId !== undefined) query = query.where('contact_id', '=', parseDemoId(search.contactId) ?? -1);
    if (search.accountId !== undefined) query = query.where('account_id', '=', parseDemoId(search.accountId) ?? -1);
    if (search.ownerId !== undefined) query = query.where('owner_id', '=', parseDemoId(search.ownerId) ?? -1);
    if (search.viewerId !== undefined) {
      const viewer = parseDemoId(search.viewerId) ?? -1;
      query = query.where((eb) => eb.or([eb('private', '=', 0), eb('owner_id', '=', viewer)]));
    }
    if (search.cursor) {
      const [at, id] = decodeKeysetCursor(search.cursor, 'actions', actionKey);
      query = query.where((eb) => eb(eb.refTuple('sort_at', 'id'), '<', eb.tuple(at, id)));
    }
    const rows = await query.orderBy('sort_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return omitUndefined({
      items: page.map(toErpAction),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor('actions', [last.sort_at, last.id]) : undefined,
    });
  }

  async get(id: string): Promise<ErpAction | undefined> {
    const numeric = parseDemoId(id);
    if (numeric === undefined) return undefined;
    const row = await this.db.selectFrom('actions').selectAll().where('id', '=', numeric).executeTakeFirst();
    return row && toErpAction(row);
  }

  async findBySourceKey(sourceKey: string): Promise<ErpAction | undefined> {
    const row = await this.db.selectFrom('actions').selectAll().where('source_key', '=', sourceKey).executeTakeFirst();
    return row && toErpAction(row);
  }

  async create(input: ActionInput, actor: ErpActor, options: { sourceKey?: string } = {}): Promise<ErpAction> {
    const action = parseErpInput(actionInputSchema, input, 'action');
    return this.db.transaction().execute(async (trx) => {
      const references = await resolveDemoReferences(trx, {
        contactId: action.contactId,
        accountId: action.accountId,
        ownerId: action.ownerId,
        actorUserId: actor.erpUserId,
      });
      const stamp = await nextChangeStamp(trx, this.now);
      const start = action.start === undefined ? null : toUtc(action.start);
      const dueDate = action.dueDate ?? null;
      const { id } = await trx
        .insertInto('actions')
        .values({
          type: action.type,
          subject: action.subject,
          notes: emptyToNull(action.notes),
          start_at: start,
          end_at: action.end === undefined ? null : toUtc(action.end),
          due_date: dueDate,
          all_day: action.allDay ? 1 : 0,
          time_zone: action.timeZone,
          status: action.status,
          owner_id: references.ownerId ?? null,
          private: action.private ? 1 : 0,
          contact_id: references.contactId ?? null,
          account_id: references.accountId ?? references.accountOfContact ?? null,
          sort_at: actionSortAt(start, dueDate, stamp),
          updated_at: stamp,
          updated_by: actor.email,
          source_key: options.sourceKey ?? null,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return this.loadOne(trx, id);
    });
  }

  async update(id: string, patch: ActionPatch, actor: ErpActor): Promise<ErpAction> {
    const changes = parseErpInput(actionPatchSchema, patch, 'action patch');
    const numeric = parseDemoId(id);
    return this.db.transaction().execute(async (trx) => {
      const current = numeric === undefined ? undefined : await trx.selectFrom('actions').selectAll().where('id', '=', numeric).executeTakeFirst();
      if (!current) throw new ErpError('not_found', `action ${id} does not exist`);
      if (current.version !== changes.version) {
        throw new ErpError('conflict', `action ${id} changed since version ${changes.version}: it is at version ${current.version}`);
      }
      const references = await resolveDemoReferences(trx, { contactId: changes.contactId, accountId: changes.accountId, ownerId: changes.ownerId });
      const start = changes.start === undefined ? current.start_at : toUtc(changes.start);
      const dueDate = changes.dueDate === undefined ? current.due_date : changes.dueDate;
      const stamp = await nextChangeStamp(trx, this.now);
      if (references.ownerId !== undefined && current.owner_id !== null && references.ownerId !== current.owner_id) {
        await recordDeparture(trx, current.owner_id, current.id, stamp);
      }
      await trx
        .updateTable('actions')
        .set({
          ...(changes.type !== undefined && { type: changes.type }),
          ...(changes.subject !== undefined && { subject: changes.subject }),
          ...(changes.notes !== undefined && { notes: emptyToNull(changes.notes) }),
          ...(changes.start !== undefined && { start_at: start }),
          ...(changes.end !== undefined && { end_at: toUtc(changes.end) }),
          ...(changes.dueDate !== undefined && { due_date: dueDate }),
          ...(changes.allDay !== undefined && { all_day: changes.allDay ? 1 : 0 }),
          ...(changes.timeZone !== undefined && { time_zone: changes.timeZone }),
          ...(changes.status !== undefined && { status: changes.status }),
          ...(references.ownerId !== undefined && { owner_id: references.ownerId }),
          ...(changes.private !== undefined && { private: changes.private ? 1 : 0 }),
          ...(references.contactId !== undefined && { contact_id: references.contactId }),
          ...(references.accountId !== undefined && { account_id: references.accountId }),
          sort_at: actionSortAt(start, dueDate, current.sort_at),
          updated_at: stamp,
          updated_by: actor.email,
          version: current.version + 1,
        })
        .where('id', '=', current.id)
        .execute();
      return this.loadOne(trx, current.id);
    });
  }

  /**
   * Actions written after the cursor, oldest first, on the key (updated_at, id). With `mailbox`,
   * only its ERP user's actions (a mailbox without one owns none), and an action that left that
   * owner since the cursor (given to another, or deleted) is in `deletedIds`; without it, deleted
   * actions are.
   */
  async changes(cursor: string | undefined, limit: number, mailbox?: MailboxScope): Promise<ChangeFeed<ErpAction>> {
    const pageSize = clampPageLimit(limit);
    const [at, id] = cursor ? decodeKeysetCursor(cursor, 'action-changes', actionKey) : ['', 0];
    const owner = mailbox && (mailbox.erpUserId === undefined ? undefined : parseDemoId(mailbox.erpUserId));
    if (mailbox && owner === undefined) return { items: [], deletedIds: [], nextCursor: encodeKeysetCursor('action-changes', [at, id]), hasMore: false };
    let written = this.db
      .selectFrom('actions')
      .select(['id', 'updated_at as at', sql<number>`0`.as('gone')])
      .where((eb) => eb(eb.refTuple('updated_at', 'id'), '>', eb.tuple(at, id)));
    if (owner !== undefined) written = written.where('owner_id', '=', owner);
    const gone =
      owner === undefined
        ? this.db
            .selectFrom('tombstones')
            .select(['entity_id as id', 'deleted_at as at', sql<number>`1`.as('gone')])
            .where('entity', '=', 'action')
            .where((eb) => eb(eb.refTuple('deleted_at', 'entity_id'), '>', eb.tuple(at, id)))
        : this.db
            .selectFrom('action_departures')
            .select(['action_id as id', 'departed_at as at', sql<number>`1`.as('gone')])
            .where('owner_id', '=', owner)
            .where((eb) => eb(eb.refTuple('departed_at', 'action_id'), '>', eb.tuple(at, id)));
    const rows = await written.unionAll(gone).orderBy('at').orderBy('id').limit(pageSize + 1).execute();
    const page = rows.slice(0, pageSize);
    const last = page.at(-1);
    const items = await this.loadMany(page.filter((row) => !row.gone).map((row) => row.id));
    // An action that left the owner and came back later on the same page is simply a change.
    const back = new Set(items.map((action) => action.id));
    return {
      items,
      deletedIds: page.filter((row) => row.gone && !back.has(String(row.id))).map((row) => String(row.id)),
      nextCursor: encodeKeysetCursor('action-changes', last ? [last.at, last.id] : [at, id]),
      hasMore: rows.length > pageSize,
    };
  }

  /** Deletes the action and leaves a tombstone (and, for its owner's feed, a departure). */
  async delete(id: string, actor: ErpActor): Promise<void> {
    const numeric = parseDemoId(id);
    await this.db.transaction().execute(async (trx) => {
      const current = numeric === undefined ? undefined : await trx.selectFrom('actions').select(['id', 'owner_id']).where('id', '=', numeric).executeTakeFirst();
      if (!current) throw new ErpError('not_found', `action ${id} does not exist`);
      const stamp = await nextChangeStamp(trx, this.now);
      await trx.deleteFrom('actions').where('id', '=', current.id).execute();
      await trx.insertInto('tombstones').values({ entity: 'action', entity_id: current.id, deleted_at: stamp, deleted_by: actor.email }).execute();
      if (current.owner_id !== null) await recordDeparture(trx, current.owner_id, current.id, stamp);
    });
  }

  /** The actions of `ids`, in that order. */
  private async loadMany(ids: readonly number[]): Promise<ErpAction[]> {
    if (!ids.length) return [];
    const rows = await this.db.selectFrom('actions').selectAll().where('id', 'in', ids).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toErpAction(row)] : [];
    });
  }

  private async loadOne(db: Kysely<DemoErpDatabase>, id: number): Promise<ErpAction> {
    const row = await db.selectFrom('actions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new ErpError('not_found', `action ${id} does not exist`);
    return toErpAction(row);
  }
}

/** The owner's feed reports the action gone from `departed_at` on; a later departure replaces an earlier one. */
async function recordDeparture(db: Kysely<DemoErpDatabase>, ownerId: number, actionId: number, departedAt: string): Promise<void> {
  await db
    .insertInto('action_departures')
    .values({ owner_id: ownerId, action_id: actionId, departed_at: departedAt })
    .onConflict((conflict) => conflict.columns(['owner_id', 'action_id']).doUpdateSet({ departed_at: departedAt }))
    .execute();
}

/** Instants are stored in UTC so that text order is time order; the action's own zone is kept beside. */
function toUtc(instant: string): string {
  return new Date(instant).toISOString();
}

function toErpAction(row: Selectable<ActionTable>): ErpAction {
  return omitUndefined<ErpAction>({
    id: String(row.id),
    type: actionType.parse(row.type),
    subject: row.subject,
    notes: row.notes ?? undefined,
    start: row.start_at ?? undefined,
    end: row.end_at ?? undefined,
    dueDate: row.due_date ?? undefined,
    allDay: row.all_day === 1,
    timeZone: row.time_zone,
    status: actionStatus.parse(row.status),
    ownerId: row.owner_id === null ? undefined : String(row.owner_id),
    private: row.private === 1,
    contactId: row.contact_id === null ? undefined : String(row.contact_id),
    accountId: row.account_id === null ? undefined : String(row.account_id),
    updatedAt: row.updated_at,
    version: row.version,
  });
}
