import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { ErpError, type ActionSearch, type ErpActor } from '../../../src/domain/erp-port';
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
import { parseDemoId } from './parse-demo-id';
import { resolveDemoReferences } from './resolve-demo-references';

const actionKey = z.tuple([z.string(), z.number().int()]);
const actionType = z.enum(actionTypes);
const actionStatus = z.enum(actionStatuses);

/** Actions (calls, visits, meetings, …) of the demo ERP, listed newest first by when they happen. */
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
      const stamp = this.now().toISOString();
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
      const stamp = this.now().toISOString();
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

  private async loadOne(db: Kysely<DemoErpDatabase>, id: number): Promise<ErpAction> {
    const row = await db.selectFrom('actions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new ErpError('not_found', `action ${id} does not exist`);
    return toErpAction(row);
  }
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
