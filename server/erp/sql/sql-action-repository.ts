import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { ErpError, type ActionSearch, type ChangeFeed, type ErpActor, type MailboxScope } from '../../../src/domain/erp-port';
import {
  actionInputSchema,
  actionPatchSchema,
  actionStatuses,
  isKnownTimeZone,
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
import { nextSqlWriteStamp } from './next-sql-write-stamp';
import { readSqlUpdatedAtFeed } from './read-sql-updated-at-feed';
import { actorOwner, resolveSqlReference } from './resolve-sql-reference';
import { readSqlTimestamp, sqlTimestampParameter } from './sql-zoned-timestamp';
import { booleanParameter, idParameter, instantParameter, readBoolean, readDate, readId, readInstant, readText, readVersion } from './sql-column-values';
import type { SqlErpContext, SqlErpDatabase } from './sql-erp-context';
import type { SqlErpMapping } from './sql-erp-mapping';

type Row = Record<string, unknown>;
type ActionMapping = NonNullable<SqlErpMapping['actions']>;

const keysetKey = z.tuple([z.string(), z.union([z.string(), z.number()])]);
const statusSchema = z.enum(actionStatuses);

/** Actions of a mapped table, newest first by when they happen (start, else due date, else last change). */
export class SqlActionRepository {
  constructor(private readonly context: SqlErpContext) {}

  async list(search: ActionSearch): Promise<Page<ErpAction>> {
    const mapping = this.context.mapping.actions;
    if (!mapping) return { items: [] };
    const { columns } = mapping;
    const limit = clampPageLimit(search.limit);
    const sortAt = this.sortAt(mapping);
    const idColumn = sql.ref(`t.${mapping.id.column}`);
    let query = this.select(this.context.db, mapping).select(sql<string>`cast(${sortAt} as text)`.as('sortAt'));
    for (const [field, entity] of [['contactId', 'contacts'], ['accountId', 'accounts']] as const) {
      const wanted = search[field];
      if (wanted === undefined) continue;
      const column = columns[field];
      const key = this.context.mapping[entity] && idParameter(this.context.mapping[entity].id, wanted);
      if (!column || key === undefined) return { items: [] };
      query = query.where(sql.ref(`t.${column}`), '=', key);
    }
    if (search.ownerId !== undefined) {
      const owner = this.ownerCondition(mapping, search.ownerId);
      if (!owner) return { items: [] };
      query = query.where(owner);
    }
    if (search.viewerId !== undefined && columns.private) {
      const privateColumn = sql.ref(`t.${columns.private}`);
      const viewer = this.context.mapping.users && idParameter(this.context.mapping.users.id, search.viewerId);
      query = query.where((eb) =>
        eb.or([
          eb(privateColumn, 'is', null),
          eb(privateColumn, '=', booleanParameter(this.context.dialect, false)),
          ...(columns.ownerId && viewer !== undefined ? [eb(eb.ref(`t.${columns.ownerId}`), '=', viewer)] : []),
        ]),
      );
    }
    if (search.cursor) {
      const [at, id] = decodeKeysetCursor(search.cursor, 'actions', keysetKey);
      query = query.where(sql<boolean>`(${sortAt}, ${idColumn}) < (${at}, ${id})`);
    }
    const rows = await query.orderBy(sortAt, 'desc').orderBy(idColumn, 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const lastKey = last && idParameter(mapping.id, readId(last.id) ?? '');
    return omitUndefined({
      items: page.map((row) => this.toAction(mapping, row)),
      nextCursor: rows.length > limit && last && lastKey !== undefined ? encodeKeysetCursor('actions', [String(last.sortAt), lastKey]) : undefined,
    });
  }

  async get(id: string, db: Kysely<SqlErpDatabase> = this.context.db): Promise<ErpAction | undefined> {
    const mapping = this.context.mapping.actions;
    const key = mapping && idParameter(mapping.id, id);
    if (!mapping || key === undefined) return undefined;
    const row = await this.select(db, mapping).where(sql.ref(`t.${mapping.id.column}`), '=', key).executeTakeFirst();
    return row && this.toAction(mapping, row);
  }

  async findBySourceKey(sourceKey: string): Promise<ErpAction | undefined> {
    const mapping = this.context.mapping.actions;
    const column = mapping?.columns.sourceKey;
    if (!mapping || !column) return undefined;
    const row = await this.select(this.context.db, mapping).where(sql.ref(`t.${column}`), '=', sourceKey).executeTakeFirst();
    return row && this.toAction(mapping, row);
  }

  async create(input: ActionInput, actor: ErpActor, options: { sourceKey?: string } = {}): Promise<ErpAction> {
    const mapping = this.requireMapping();
    const action = parseErpInput(actionInputSchema, input, 'action');
    return this.context.db.transaction().execute(async (trx) => {
      const scoped = { ...this.context, db: trx };
      const values: Row = { ...(await this.fieldValues(scoped, mapping, action)), [mapping.updatedAt]: sqlTimestampParameter(this.context.dialect, this.context.now(), mapping.updatedAtTimeZone) };
      const { columns } = mapping;
      if (columns.accountId && action.accountId === undefined && action.contactId !== undefined) {
        // Logged on a contact, the action also shows on the contact's company.
        values[columns.accountId] = await this.accountOfContact(scoped, action.contactId);
      }
      if (columns.ownerId && action.ownerId === undefined) values[columns.ownerId] = (await actorOwner(scoped, actor.erpUserId)) ?? null;
      if (mapping.version) values[mapping.version] = 1;
      if (mapping.updatedBy) values[mapping.updatedBy] = actor.email;
      if (columns.sourceKey && options.sourceKey !== undefined) values[columns.sourceKey] = options.sourceKey;
      if (mapping.id.generated === 'uuid') values[mapping.id.column] = this.context.newId();
      const inserted = await trx.insertInto(mapping.table).values(values).returning(sql.ref(mapping.id.column).as('id')).executeTakeFirstOrThrow();
      return this.getOrFail(readId(inserted.id) ?? '', trx);
    });
  }

  async update(id: string, patch: ActionPatch, actor: ErpActor): Promise<ErpAction> {
    const mapping = this.requireMapping();
    const changes = parseErpInput(actionPatchSchema, patch, 'action patch');
    const key = idParameter(mapping.id, id);
    return this.context.db.transaction().execute(async (trx) => {
      const scoped = { ...this.context, db: trx };
      const current =
        key === undefined
          ? undefined
          : await trx
              .selectFrom(mapping.table)
              .select([sql.ref(mapping.updatedAt).as('updatedAt'), ...(mapping.version ? [sql.ref(mapping.version).as('version')] : [])])
              .where(sql.ref(mapping.id.column), '=', key)
              .$if(this.context.dialect === 'postgres', (query) => query.forUpdate())
              .executeTakeFirst();
      if (!current || key === undefined) throw new ErpError('not_found', `action ${id} does not exist`);
      const currentUpdatedAt = readSqlTimestamp(current.updatedAt, mapping.updatedAtTimeZone);
      const version = readVersion(current.version, currentUpdatedAt);
      if (version !== changes.version) throw new ErpError('conflict', `action ${id} changed since version ${changes.version}: it is at version ${version}`);
      const values: Row = { ...(await this.fieldValues(scoped, mapping, changes)), [mapping.updatedAt]: sqlTimestampParameter(this.context.dialect, nextSqlWriteStamp(this.context.now, currentUpdatedAt), mapping.updatedAtTimeZone) };
      if (mapping.version) values[mapping.version] = version + 1;
      if (mapping.updatedBy) values[mapping.updatedBy] = actor.email;
      await trx.updateTable(mapping.table).set(values).where(sql.ref(mapping.id.column), '=', key).execute();
      return this.getOrFail(id, trx);
    });
  }

  /**
   * Actions changed after the cursor, oldest first, on (modification column, key). With `mailbox`,
   * those its ERP user owns; an action written since the cursor that someone else owns (given away,
   * or never this mailbox's) is in `deletedIds`. This ERP cannot report a row deleted outright:
   * the sync's full listing finds it gone.
   */
  async changes(cursor: string | undefined, limit: number, mailbox?: MailboxScope): Promise<ChangeFeed<ErpAction>> {
    const mapping = this.context.mapping.actions;
    if (!mapping) return { items: [], deletedIds: [], nextCursor: cursor ?? encodeKeysetCursor('action-changes', []), hasMore: false };
    const owner = mailbox && (mailbox.erpUserId === undefined ? undefined : this.ownerCondition(mapping, mailbox.erpUserId));
    return readSqlUpdatedAtFeed(
      {
        list: 'action-changes',
        rows: this.select(this.context.db, mapping),
        updatedAt: sql.ref(`t.${mapping.updatedAt}`),
        key: sql.ref(`t.${mapping.id.column}`),
        keyMapping: mapping.id,
        visible: mailbox ? (owner ?? sql<boolean>`1 = 0`) : sql<boolean>`1 = 1`,
        read: async (rows) => rows.map((row) => this.toAction(mapping, row)),
      },
      cursor,
      limit,
    );
  }

  /** Rows the ERP user owns; `undefined` when no row can be theirs (no owner column, or an id no user has). */
  private ownerCondition(mapping: ActionMapping, erpUserId: string): RawBuilder<boolean> | undefined {
    const users = this.context.mapping.users;
    const owner = users && idParameter(users.id, erpUserId);
    if (!mapping.columns.ownerId || owner === undefined) return undefined;
    return sql<boolean>`${sql.ref(`t.${mapping.columns.ownerId}`)} = ${owner}`;
  }

  private requireMapping(): ActionMapping {
    const mapping = this.context.mapping.actions;
    if (!mapping) throw new ErpError('invalid_input', 'this ERP keeps no actions (the mapping has no "actions")');
    return mapping;
  }

  private async getOrFail(id: string, db: Kysely<SqlErpDatabase>): Promise<ErpAction> {
    const action = await this.get(id, db);
    if (!action) throw new ErpError('not_found', `action ${id} does not exist`);
    return action;
  }

  /** Column values for the fields a write names. Fields the ERP cannot hold are dropped, except those whose loss would mislead. */
  private async fieldValues(context: SqlErpContext, mapping: ActionMapping, action: Partial<ActionInput>): Promise<Row> {
    const { columns, typeCodes, statusCodes } = mapping;
    const values: Row = {};
    const set = (column: string | undefined, value: unknown) => {
      if (column && value !== undefined) values[column] = value;
    };
    if (action.type !== undefined) set(columns.type, codeFor(typeCodes, action.type, 'type'));
    set(columns.subject, action.subject);
    set(columns.notes, action.notes === undefined ? undefined : emptyToNull(action.notes));
    if ((action.start !== undefined || action.end !== undefined) && !columns.start) {
      throw new ErpError('invalid_input', 'this ERP keeps no start and end times for actions');
    }
    set(columns.start, action.start === undefined ? undefined : instantParameter(context.dialect, action.start));
    set(columns.end, action.end === undefined ? undefined : instantParameter(context.dialect, action.end));
    set(columns.dueDate, action.dueDate);
    set(columns.allDay, action.allDay === undefined ? undefined : booleanParameter(context.dialect, action.allDay));
    set(columns.timeZone, action.timeZone);
    if (action.status !== undefined) set(columns.status, statusCodes ? codeFor(statusCodes, action.status, 'status') : action.status);
    // An action marked private must never be stored where every ERP user reads it.
    if (action.private && !columns.private) throw new ErpError('invalid_input', 'this ERP cannot keep private actions');
    set(columns.private, action.private === undefined ? undefined : booleanParameter(context.dialect, action.private));
    if (columns.ownerId && action.ownerId !== undefined) values[columns.ownerId] = await resolveSqlReference(context, 'users', action.ownerId, 'ownerId');
    if (columns.contactId && action.contactId !== undefined) values[columns.contactId] = await resolveSqlReference(context, 'contacts', action.contactId, 'contactId');
    if (columns.accountId && action.accountId !== undefined) values[columns.accountId] = await resolveSqlReference(context, 'accounts', action.accountId, 'accountId');
    return values;
  }

  private async accountOfContact(context: SqlErpContext, contactId: string): Promise<unknown> {
    const contacts = context.mapping.contacts;
    const key = idParameter(contacts.id, contactId);
    if (!contacts.columns.accountId || key === undefined) return null;
    const row = await context.db
      .selectFrom(contacts.table)
      .select(sql.ref(contacts.columns.accountId).as('accountId'))
      .where(sql.ref(contacts.id.column), '=', key)
      .executeTakeFirst();
    return row?.accountId ?? null;
  }

  private select(db: Kysely<SqlErpDatabase>, mapping: ActionMapping) {
    const selections = Object.entries({ id: mapping.id.column, updatedAt: mapping.updatedAt, version: mapping.version, ...mapping.columns }).flatMap(
      ([alias, column]) => (column ? [sql.ref(`t.${column}`).as(alias)] : []),
    );
    return db.selectFrom(`${mapping.table} as t`).select(selections);
  }

  private sortAt(mapping: ActionMapping): RawBuilder<unknown> {
    const { start, dueDate } = mapping.columns;
    const moments = [start, dueDate, mapping.updatedAt].flatMap((column) => (column ? [sql.ref(`t.${column}`)] : []));
    return sql`coalesce(${sql.join(moments)})`;
  }

  private toAction(mapping: ActionMapping, row: Row): ErpAction {
    const code = readText(row.type);
    const statusText = readText(row.status);
    const status = mapping.statusCodes ? mapping.statusCodes[statusText ?? ''] : statusSchema.safeParse(statusText).data;
    const timeZone = readText(row.timeZone);
    const updatedAt = readSqlTimestamp(row.updatedAt, mapping.updatedAtTimeZone) ?? new Date(0).toISOString();
    return omitUndefined<ErpAction>({
      id: readId(row.id) ?? '',
      type: (code !== undefined && mapping.typeCodes[code]) || mapping.otherType,
      subject: readText(row.subject) ?? '',
      notes: readText(row.notes),
      start: readInstant(row.start),
      end: readInstant(row.end),
      dueDate: readDate(row.dueDate),
      allDay: readBoolean(row.allDay),
      timeZone: timeZone && isKnownTimeZone(timeZone) ? timeZone : mapping.defaultTimeZone,
      status: status ?? 'planned',
      ownerId: readId(row.ownerId),
      private: readBoolean(row.private),
      contactId: readId(row.contactId),
      accountId: readId(row.accountId),
      updatedAt,
      version: readVersion(row.version, updatedAt),
    });
  }
}

/** The ERP code written for a value: the first one the mapping lists for it. */
function codeFor<T extends string>(codes: Record<string, T>, value: T, what: string): string {
  const code = Object.entries(codes).find(([, meaning]) => meaning === value)?.[0];
  if (code === undefined) throw new ErpError('invalid_input', `this ERP has no code for action ${what} "${value}"`);
  return code;
}

