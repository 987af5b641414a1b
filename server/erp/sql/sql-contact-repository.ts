import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { ErpError, type ChangeFeed, type ContactSearch, type ErpActor } from '../../../src/domain/erp-port';
import { contactInputSchema, contactPatchSchema, type ContactInput, type ContactPatch, type ErpContact } from '../../../src/domain/erp-records';
import type { Page } from '../../../src/domain/page';
import { clampPageLimit } from '../clamp-page-limit';
import { composeDisplayName } from '../compose-display-name';
import { emptyToNull } from '../empty-to-null';
import { foldSearchText } from '../fold-search-text';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-cursor';
import { omitUndefined } from '../omit-undefined';
import { parseErpInput } from '../parse-erp-input';
import { foldSqlExpression, likePrefix } from './fold-sql-expression';
import { actorOwner, resolveSqlReference } from './resolve-sql-reference';
import { readSqlContact } from './read-sql-contact';
import { selectSqlContacts, sqlContactDisplayName, sqlContactSortKey } from './select-sql-contacts';
import { addressValues } from './sql-address-columns';
import { idParameter, instantParameter, readId, readInstant, readText, readVersion } from './sql-column-values';
import type { SqlErpContext, SqlErpDatabase } from './sql-erp-context';
import { nextSqlWriteStamp } from './next-sql-write-stamp';

type Row = Record<string, unknown>;

const keysetKey = z.tuple([z.string(), z.union([z.string(), z.number()])]);
/** A feed cursor is empty before the first change. */
const feedKey = z.union([keysetKey, z.tuple([])]);

/** Contacts of a mapped ERP table. Lists are ordered by folded display name, then key. */
export class SqlContactRepository {
  constructor(private readonly context: SqlErpContext) {}

  private get mapping() {
    return this.context.mapping.contacts;
  }

  async search(search: ContactSearch): Promise<Page<ErpContact>> {
    const { mapping, context } = this;
    const limit = clampPageLimit(search.limit);
    const sortKey = sqlContactSortKey(context);
    let query = selectSqlContacts(context, context.db).select(sortKey.as('sortKey'));
    if (search.email !== undefined) {
      const email = search.email.trim().toLowerCase();
      if (!mapping.emails.length) return { items: [] };
      query = query.where((eb) => eb.or(mapping.emails.map((column) => eb(eb.fn('lower', [eb.ref(`c.${column}`)]), '=', email))));
    }
    const prefix = search.text === undefined ? '' : foldSearchText(search.text.trim());
    if (prefix) {
      const pattern = likePrefix(prefix);
      const like = (expression: RawBuilder<unknown>) => sql<boolean>`${foldSqlExpression(context.dialect, expression)} like ${pattern} escape '\\'`;
      const names = [mapping.columns.givenName, mapping.columns.surname].flatMap((column) => (column ? [like(sql.ref(`c.${column}`))] : []));
      const accounts = context.mapping.accounts;
      query = query.where((eb) =>
        eb.or([
          like(sqlContactDisplayName(context)),
          ...names,
          ...(accounts && mapping.columns.accountId
            ? [eb(eb.ref(`c.${mapping.columns.accountId}`), 'in', eb.selectFrom(accounts.table).select(accounts.id.column).where(like(sql.ref(accounts.columns.name))))]
            : []),
        ]),
      );
    }
    if (search.accountId !== undefined) {
      const accountId = this.context.mapping.accounts && idParameter(this.context.mapping.accounts.id, search.accountId);
      if (!mapping.columns.accountId || accountId === undefined) return { items: [] };
      query = query.where(sql.ref(`c.${mapping.columns.accountId}`), '=', accountId);
    }
    if (search.cursor) {
      const [key, id] = decodeKeysetCursor(search.cursor, 'contacts', keysetKey);
      query = query.where(sql<boolean>`(${sortKey}, ${sql.ref(`c.${mapping.id.column}`)}) > (${key}, ${id})`);
    }
    const rows = await query.orderBy(sortKey).orderBy(sql.ref(`c.${mapping.id.column}`)).limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return omitUndefined({
      items: page.map((row) => readSqlContact(this.mapping, row)),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor('contacts', [String(last.sortKey), this.keyOf(last)]) : undefined,
    });
  }

  async get(id: string, db: Kysely<SqlErpDatabase> = this.context.db): Promise<ErpContact | undefined> {
    const key = idParameter(this.mapping.id, id);
    if (key === undefined) return undefined;
    const row = await selectSqlContacts(this.context, db).where(sql.ref(`c.${this.mapping.id.column}`), '=', key).executeTakeFirst();
    return row && readSqlContact(this.mapping, row);
  }

  async create(input: ContactInput, actor: ErpActor): Promise<ErpContact> {
    const contact = parseErpInput(contactInputSchema, input, 'contact');
    const { mapping, context } = this;
    return context.db.transaction().execute(async (trx) => {
      const scoped = { ...context, db: trx };
      const values: Row = {
        ...this.fieldValues(contact),
        ...this.emailValues(contact.emails),
        [mapping.updatedAt]: instantParameter(context.dialect, context.now()),
      };
      const displayName = contact.displayName || composeDisplayName(contact.givenName, contact.surname) || contact.emails[0];
      if (mapping.columns.displayName) values[mapping.columns.displayName] = displayName ?? null;
      if (mapping.columns.accountId && contact.accountId !== undefined) {
        values[mapping.columns.accountId] = await resolveSqlReference(scoped, 'accounts', contact.accountId, 'accountId');
      }
      if (mapping.columns.ownerId) {
        const owner = contact.ownerId === undefined ? await actorOwner(scoped, actor.erpUserId) : await resolveSqlReference(scoped, 'users', contact.ownerId, 'ownerId');
        values[mapping.columns.ownerId] = owner ?? null;
      }
      if (mapping.version) values[mapping.version] = 1;
      if (mapping.updatedBy) values[mapping.updatedBy] = actor.email;
      if (mapping.id.generated === 'uuid') values[mapping.id.column] = context.newId();
      const inserted = await trx.insertInto(mapping.table).values(values).returning(sql.ref(mapping.id.column).as('id')).executeTakeFirstOrThrow();
      return this.getOrFail(readId(inserted.id) ?? '', trx);
    });
  }

  async update(id: string, patch: ContactPatch, actor: ErpActor): Promise<ErpContact> {
    const changes = parseErpInput(contactPatchSchema, patch, 'contact patch');
    const { mapping, context } = this;
    const key = idParameter(mapping.id, id);
    return context.db.transaction().execute(async (trx) => {
      const scoped = { ...context, db: trx };
      const current = key === undefined ? undefined : await this.lockRow(trx, key);
      if (!current || key === undefined) throw new ErpError('not_found', `contact ${id} does not exist`);
      const currentUpdatedAt = readInstant(current.updatedAt);
      const version = readVersion(current.version, currentUpdatedAt);
      if (version !== changes.version) throw new ErpError('conflict', `contact ${id} changed since version ${changes.version}: it is at version ${version}`);
      const values: Row = { ...this.fieldValues(changes), [mapping.updatedAt]: instantParameter(context.dialect, nextSqlWriteStamp(context.now, currentUpdatedAt)) };
      if (changes.emails !== undefined) Object.assign(values, this.emailValues(changes.emails));
      if (mapping.columns.displayName) {
        const displayName = this.nextDisplayName(current, changes);
        if (displayName !== undefined) values[mapping.columns.displayName] = displayName;
      }
      if (mapping.columns.accountId && changes.accountId !== undefined) {
        values[mapping.columns.accountId] = await resolveSqlReference(scoped, 'accounts', changes.accountId, 'accountId');
      }
      if (mapping.columns.ownerId && changes.ownerId !== undefined) {
        values[mapping.columns.ownerId] = await resolveSqlReference(scoped, 'users', changes.ownerId, 'ownerId');
      }
      if (mapping.version) values[mapping.version] = version + 1;
      if (mapping.updatedBy) values[mapping.updatedBy] = actor.email;
      await trx.updateTable(mapping.table).set(values).where(sql.ref(mapping.id.column), '=', key).execute();
      return this.getOrFail(id, trx);
    });
  }

  /** Contacts changed after the cursor, oldest first, on (updated-at column, key). The ERP keeps no tombstones. */
  async changes(cursor: string | undefined, limit: number): Promise<ChangeFeed<ErpContact>> {
    const { mapping } = this;
    const pageSize = clampPageLimit(limit);
    const updatedAt = sql.ref(`c.${mapping.updatedAt}`);
    const idColumn = sql.ref(`c.${mapping.id.column}`);
    let query = selectSqlContacts(this.context, this.context.db).select(sql<string>`cast(${updatedAt} as text)`.as('changedAt'));
    const after = cursor ? decodeKeysetCursor(cursor, 'contact-changes', feedKey) : [];
    if (after.length) query = query.where(sql<boolean>`(${updatedAt}, ${idColumn}) > (${after[0]}, ${after[1]})`);
    const rows = await query.orderBy(updatedAt).orderBy(idColumn).limit(pageSize + 1).execute();
    const page = rows.slice(0, pageSize);
    const last = page.at(-1);
    return {
      items: page.map((row) => readSqlContact(this.mapping, row)),
      deletedIds: [],
      nextCursor: last ? encodeKeysetCursor('contact-changes', [String(last.changedAt), this.keyOf(last)]) : (cursor ?? encodeKeysetCursor('contact-changes', [])),
      hasMore: rows.length > pageSize,
    };
  }

  private async getOrFail(id: string, db: Kysely<SqlErpDatabase>): Promise<ErpContact> {
    const contact = await this.get(id, db);
    if (!contact) throw new ErpError('not_found', `contact ${id} does not exist`);
    return contact;
  }

  /** The row to update, locked on PostgreSQL until the transaction ends so two writers cannot both pass the version check. */
  private async lockRow(db: Kysely<SqlErpDatabase>, key: string | number): Promise<Row | undefined> {
    const { mapping } = this;
    const columns = [mapping.columns.givenName, mapping.columns.surname, mapping.columns.displayName].flatMap((column) => (column ? [column] : []));
    return db
      .selectFrom(mapping.table)
      .select([
        sql.ref(mapping.updatedAt).as('updatedAt'),
        ...(mapping.version ? [sql.ref(mapping.version).as('version')] : []),
        ...columns.map((column) => sql.ref(column).as(column)),
      ])
      .where(sql.ref(mapping.id.column), '=', key)
      .$if(this.context.dialect === 'postgres', (query) => query.forUpdate())
      .executeTakeFirst();
  }

  private fieldValues(contact: Partial<ContactInput>): Row {
    const { columns } = this.mapping;
    const values: Row = {};
    const text = (column: string | undefined, value: string | undefined) => {
      if (column && value !== undefined) values[column] = emptyToNull(value);
    };
    text(columns.givenName, contact.givenName);
    text(columns.surname, contact.surname);
    text(columns.jobTitle, contact.jobTitle);
    text(columns.businessPhone, contact.businessPhone);
    text(columns.mobilePhone, contact.mobilePhone);
    text(columns.notes, contact.notes);
    if (contact.address !== undefined) Object.assign(values, addressValues(columns.address, contact.address));
    return values;
  }

  /** Emails fill the mapped columns in order; those beyond the last column are not stored. */
  private emailValues(emails: readonly string[]): Row {
    const distinct = [...new Map(emails.map((email) => [email.toLowerCase(), email])).values()];
    return Object.fromEntries(this.mapping.emails.map((column, index) => [column, distinct[index] ?? null]));
  }

  /** A display name that was only "Given Surname" follows name edits; one typed by hand stays. `undefined`: leave it. */
  private nextDisplayName(current: Row, changes: ContactPatch): string | undefined {
    const { columns } = this.mapping;
    if (changes.displayName) return changes.displayName;
    const currentText = (column: string | undefined) => (column ? readText(current[column]) : undefined);
    const given = changes.givenName === undefined ? currentText(columns.givenName) : changes.givenName;
    const surname = changes.surname === undefined ? currentText(columns.surname) : changes.surname;
    const cleared = changes.displayName === '';
    const wasDerived = currentText(columns.displayName) === composeDisplayName(currentText(columns.givenName), currentText(columns.surname));
    if (!cleared && !(wasDerived && (changes.givenName !== undefined || changes.surname !== undefined))) return undefined;
    return composeDisplayName(given, surname);
  }

  private keyOf(row: Row): string | number {
    const id = readId(row.id) ?? '';
    return idParameter(this.mapping.id, id) ?? id;
  }
}
