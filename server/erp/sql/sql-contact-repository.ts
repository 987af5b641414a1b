import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { ErpError, type ChangeFeed, type ContactSearch, type ErpActor, type MailboxScope } from '../../../src/domain/erp-port';
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
import { nextSqlWriteStamp } from './next-sql-write-stamp';
import { readSqlContact, readSqlContactRows } from './read-sql-contact';
import { actorOwner, resolveSqlReference } from './resolve-sql-reference';
import { readSqlContentHashFeed } from './read-sql-content-hash-feed';
import { readSqlUpdatedAtFeed } from './read-sql-updated-at-feed';
import { selectSqlContactRows, selectSqlContacts, sqlContactDisplayName, sqlContactSortKey } from './select-sql-contacts';
import { sqlContactChanges, type SqlContactChanges } from './sql-contact-changes';
import { loadSqlChildEmails, sqlEmailColumnValues, writeSqlChildEmails } from './sql-contact-emails';
import { sqlActiveValue, sqlContactVisible } from './sql-contact-scope';
import { idParameter, readId, readText } from './sql-column-values';
import type { SqlErpContext, SqlErpDatabase } from './sql-erp-context';
import type { SqlContactField } from './sql-erp-mapping';
import { joinSqlFullName } from './sql-full-name';
import { sqlTimestampParameter } from './sql-zoned-timestamp';

type Row = Record<string, unknown>;

const keysetKey = z.tuple([z.string(), z.union([z.string(), z.number()])]);

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
    let query = selectSqlContacts(context, context.db, search.mailbox).select(sortKey.as('sortKey'));
    if (search.email !== undefined) {
      const email = search.email.trim().toLowerCase();
      const { emailTable } = mapping;
      if (emailTable) {
        query = query.where(
          sql<boolean>`c.${sql.ref(mapping.id.column)} in (select ${sql.ref(emailTable.contactId)} from ${sql.table(emailTable.table)} where lower(${sql.ref(emailTable.email)}) = ${email})`,
        );
      } else {
        if (!mapping.emails.length) return { items: [] };
        query = query.where((eb) => eb.or(mapping.emails.map((column) => eb(eb.fn('lower', [eb.ref(`c.${column}`)]), '=', email))));
      }
    }
    const prefix = search.text === undefined ? '' : foldSearchText(search.text.trim());
    if (prefix) {
      const pattern = likePrefix(prefix);
      const like = (expression: RawBuilder<unknown>) => sql<boolean>`${foldSqlExpression(context.dialect, expression)} like ${pattern} escape '\\'`;
      const names = [mapping.columns.givenName, mapping.columns.surname, mapping.fullName?.column].flatMap((column) => (column ? [like(sql.ref(`c.${column}`))] : []));
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
      items: await readSqlContactRows(context, context.db, page),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor('contacts', [String(last.sortKey), this.keyOf(last)]) : undefined,
    });
  }

  async get(id: string, db: Kysely<SqlErpDatabase> = this.context.db): Promise<ErpContact | undefined> {
    const key = idParameter(this.mapping.id, id);
    if (key === undefined) return undefined;
    const row = await selectSqlContacts(this.context, db).where(sql.ref(`c.${this.mapping.id.column}`), '=', key).executeTakeFirst();
    return row && (await readSqlContactRows(this.context, db, [row]))[0];
  }

  async create(input: ContactInput, actor: ErpActor): Promise<ErpContact> {
    const contact = parseErpInput(contactInputSchema, input, 'contact');
    const { mapping, context } = this;
    this.refuseReadOnly(sqlContactChanges(undefined, contact));
    return context.db.transaction().execute(async (trx) => {
      const scoped = { ...context, db: trx };
      const values: Row = {
        ...this.fieldValues(undefined, contact),
        ...(mapping.emailTable ? {} : sqlEmailColumnValues(mapping.emails, undefined, contact.emails)),
        ...sqlActiveValue(context.dialect, mapping),
        [mapping.updatedAt]: sqlTimestampParameter(context.dialect, context.now(), mapping.updatedAtTimeZone),
      };
      const displayName = contact.displayName || composeDisplayName(contact.givenName, contact.surname) || contact.emails[0];
      if (mapping.columns.displayName) values[mapping.columns.displayName] = displayName ?? null;
      if (mapping.columns.accountId && contact.accountId !== undefined) {
        values[mapping.columns.accountId] = await resolveSqlReference(scoped, 'accounts', contact.accountId, 'accountId');
      }
      if (mapping.columns.ownerId && !mapping.readOnly.includes('ownerId')) {
        const owner = contact.ownerId === undefined ? await actorOwner(scoped, actor.erpUserId) : await resolveSqlReference(scoped, 'users', contact.ownerId, 'ownerId');
        values[mapping.columns.ownerId] = owner ?? null;
      }
      if (mapping.version) values[mapping.version] = 1;
      if (mapping.updatedBy) values[mapping.updatedBy] = actor.email;
      if (mapping.id.generated === 'uuid') values[mapping.id.column] = context.newId();
      const inserted = await trx.insertInto(mapping.table).values(values).returning(sql.ref(mapping.id.column).as('id')).executeTakeFirstOrThrow();
      const id = readId(inserted.id) ?? '';
      const key = idParameter(mapping.id, id);
      if (mapping.emailTable && key !== undefined) await writeSqlChildEmails(scoped, trx, key, [], contact.emails);
      return this.getOrFail(id, trx);
    });
  }

  /**
   * Writes only the columns whose values the patch changes, and never a column the bridge could
   * not read (an email cell holding two addresses): the ERP's other data stays as it was. A patch
   * that changes nothing writes nothing and keeps the version.
   */
  async update(id: string, patch: ContactPatch, actor: ErpActor): Promise<ErpContact> {
    const changes = parseErpInput(contactPatchSchema, patch, 'contact patch');
    const { mapping, context } = this;
    const key = idParameter(mapping.id, id);
    return context.db.transaction().execute(async (trx) => {
      const scoped = { ...context, db: trx };
      // Locked on PostgreSQL until the transaction ends, so two writers cannot both pass the version check.
      const row =
        key === undefined
          ? undefined
          : await selectSqlContacts(context, trx)
              .where(sql.ref(`c.${mapping.id.column}`), '=', key)
              .$if(context.dialect === 'postgres', (query) => query.forUpdate())
              .executeTakeFirst();
      if (!row || key === undefined) throw new ErpError('not_found', `contact ${id} does not exist`);
      const children = mapping.emailTable ? ((await loadSqlChildEmails(scoped, trx, [key])).get(readId(row.id) ?? id) ?? []) : undefined;
      const emailCells = children ? children.map((child) => child.email) : mapping.emails.map((_, index) => row[`email${index}`]);
      const current = readSqlContact(mapping, row, emailCells);
      if (current.version !== changes.version) throw new ErpError('conflict', `contact ${id} changed since version ${changes.version}: it is at version ${current.version}`);

      const changed = sqlContactChanges(current, changes);
      this.refuseReadOnly(changed);
      const values: Row = this.fieldValues(current, changes, changed);
      if (changed.fields.has('emails') && changes.emails !== undefined && !mapping.emailTable) Object.assign(values, sqlEmailColumnValues(mapping.emails, emailCells, changes.emails));
      if (mapping.columns.displayName) {
        const displayName = this.nextDisplayName(current, readText(row.displayName), changes);
        if (displayName !== undefined && displayName !== readText(row.displayName)) values[mapping.columns.displayName] = displayName;
      }
      if (mapping.columns.accountId && changed.fields.has('accountId') && changes.accountId !== undefined) {
        values[mapping.columns.accountId] = await resolveSqlReference(scoped, 'accounts', changes.accountId, 'accountId');
      }
      if (mapping.columns.ownerId && changed.fields.has('ownerId') && changes.ownerId !== undefined) {
        values[mapping.columns.ownerId] = await resolveSqlReference(scoped, 'users', changes.ownerId, 'ownerId');
      }
      const emailsWritten = children !== undefined && changes.emails !== undefined && changed.fields.has('emails') && (await writeSqlChildEmails(scoped, trx, key, children, changes.emails));
      if (!Object.keys(values).length && !emailsWritten) return current;

      values[mapping.updatedAt] = sqlTimestampParameter(context.dialect, nextSqlWriteStamp(context.now, current.updatedAt), mapping.updatedAtTimeZone);
      if (mapping.version) values[mapping.version] = current.version + 1;
      if (mapping.updatedBy) values[mapping.updatedBy] = actor.email;
      await trx.updateTable(mapping.table).set(values).where(sql.ref(mapping.id.column), '=', key).execute();
      return this.getOrFail(id, trx);
    });
  }

  /**
   * Contacts changed after the cursor, oldest first. With `changeDetection: "updatedAt"`, a keyset
   * on (modification column, key): rows that were soft-deleted or left the scope after the cursor
   * are its `deletedIds`. With `"contentHash"`, see `readSqlContentHashFeed`. With `mailbox`,
   * a contact that leaves its scope (given to another owner) is in `deletedIds` too.
   */
  async changes(cursor: string | undefined, limit: number, mailbox?: MailboxScope): Promise<ChangeFeed<ErpContact>> {
    const { mapping, context } = this;
    if (mapping.changeDetection === 'contentHash') return readSqlContentHashFeed(context, cursor, limit, mailbox);
    return readSqlUpdatedAtFeed(
      {
        list: 'contact-changes',
        rows: selectSqlContactRows(context, context.db),
        updatedAt: sql.ref(`c.${mapping.updatedAt}`),
        key: sql.ref(`c.${mapping.id.column}`),
        keyMapping: mapping.id,
        visible: sqlContactVisible(context, mailbox),
        read: (rows) => readSqlContactRows(context, context.db, rows),
      },
      cursor,
      limit,
    );
  }

  private async getOrFail(id: string, db: Kysely<SqlErpDatabase>): Promise<ErpContact> {
    const contact = await this.get(id, db);
    if (!contact) throw new ErpError('not_found', `contact ${id} does not exist`);
    return contact;
  }

  /** A write that would change a field the mapping keeps read-only is refused, naming the field. */
  private refuseReadOnly(changed: SqlContactChanges): void {
    const refused = this.mapping.readOnly.filter((field) => changed.fields.has(field));
    if (refused.length) throw new ErpError('invalid_input', `contact is not valid: ${refused.map((field) => `${field}: read-only in this ERP`).join('; ')}`);
  }

  /** Column values of the text fields that change (all given ones on create); the full-name column joins both names. */
  private fieldValues(current: ErpContact | undefined, contact: Partial<ContactInput>, changed = sqlContactChanges(current, contact)): Row {
    const { columns, fullName } = this.mapping;
    const values: Row = {};
    const text = (field: SqlContactField & keyof ContactInput, column: string | undefined) => {
      const value = contact[field];
      if (column && typeof value === 'string' && changed.fields.has(field)) values[column] = emptyToNull(value);
    };
    text('givenName', columns.givenName);
    text('surname', columns.surname);
    text('jobTitle', columns.jobTitle);
    text('businessPhone', columns.businessPhone);
    text('mobilePhone', columns.mobilePhone);
    text('notes', columns.notes);
    if (fullName && (changed.fields.has('givenName') || changed.fields.has('surname'))) {
      const pick = (field: 'givenName' | 'surname') => (contact[field] === undefined ? current?.[field] : contact[field] || undefined);
      values[fullName.column] = joinSqlFullName(fullName.format, pick('givenName'), pick('surname'));
    }
    const address = columns.address;
    for (const [part, value] of changed.addressParts) {
      const column = address?.[part];
      if (column) values[column] = value;
    }
    return values;
  }

  /**
   * A display name that was only derived (the names, else the first email) follows them, as on
   * create; one typed by hand stays. `undefined`: leave it.
   */
  private nextDisplayName(current: ErpContact, currentDisplayName: string | undefined, changes: ContactPatch): string | undefined {
    if (changes.displayName) return changes.displayName;
    const given = changes.givenName === undefined ? current.givenName : changes.givenName;
    const surname = changes.surname === undefined ? current.surname : changes.surname;
    const firstEmail = changes.emails === undefined ? current.emails[0] : changes.emails[0];
    const cleared = changes.displayName === '';
    const wasDerived = currentDisplayName === (composeDisplayName(current.givenName, current.surname) ?? current.emails[0]);
    if (!cleared && !(wasDerived && (changes.givenName !== undefined || changes.surname !== undefined || changes.emails !== undefined))) return undefined;
    return composeDisplayName(given, surname) ?? firstEmail;
  }

  private keyOf(row: Row): string | number {
    const id = readId(row.id) ?? '';
    return idParameter(this.mapping.id, id) ?? id;
  }
}
