import { sql, type Kysely, type Selectable } from 'kysely';
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
import { addressToColumns } from './address-columns';
import type { ContactTable, DemoErpDatabase } from './demo-erp-database';
import { loadDemoContacts, selectDemoContacts, toErpContacts } from './load-demo-contacts';
import { nextChangeStamp } from './next-change-stamp';
import { stampChangedFields } from './stamp-changed-fields';
import { parseDemoId } from './parse-demo-id';
import { resolveDemoReferences } from './resolve-demo-references';

const searchKey = z.tuple([z.string(), z.number().int()]);

/** Above every character a folded name can hold: `key < prefix + END` bounds a prefix range on a plain index. */
const END_OF_PREFIX = '\u{10FFFF}';

/** Contacts of the demo ERP: search, reads and versioned writes. Lists are ordered by folded display name, then id. */
export class DemoContactRepository {
  constructor(
    private readonly db: Kysely<DemoErpDatabase>,
    private readonly now: () => Date,
  ) {}

  async search(search: ContactSearch): Promise<Page<ErpContact>> {
    const limit = clampPageLimit(search.limit);
    let query = selectDemoContacts(this.db);
    if (search.email !== undefined) {
      const email = search.email.trim().toLowerCase();
      query = query.where('c.id', 'in', (eb) => eb.selectFrom('contact_emails').select('contact_id').where('email_lower', '=', email));
    }
    const prefix = search.text === undefined ? '' : foldSearchText(search.text.trim());
    if (prefix) {
      const end = prefix + END_OF_PREFIX;
      query = query.where((eb) =>
        eb.or([
          eb.and([eb('c.display_key', '>=', prefix), eb('c.display_key', '<', end)]),
          eb.and([eb('c.given_key', '>=', prefix), eb('c.given_key', '<', end)]),
          eb.and([eb('c.surname_key', '>=', prefix), eb('c.surname_key', '<', end)]),
          eb('c.account_id', 'in', eb.selectFrom('accounts').select('id').where('name_key', '>=', prefix).where('name_key', '<', end)),
        ]),
      );
    }
    if (search.accountId !== undefined) query = query.where('c.account_id', '=', parseDemoId(search.accountId) ?? -1);
    if (search.cursor) {
      const [key, id] = decodeKeysetCursor(search.cursor, 'contacts', searchKey);
      query = query.where((eb) => eb(eb.refTuple('c.display_key', 'c.id'), '>', eb.tuple(key, id)));
    }
    const rows = await query.orderBy('c.display_key').orderBy('c.id').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return omitUndefined({
      items: await toErpContacts(this.db, page),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor('contacts', [last.display_key, last.id]) : undefined,
    });
  }

  async get(id: string): Promise<ErpContact | undefined> {
    const numeric = parseDemoId(id);
    if (numeric === undefined) return undefined;
    const [contact] = await loadDemoContacts(this.db, [numeric]);
    return contact;
  }

  async create(input: ContactInput, actor: ErpActor): Promise<ErpContact> {
    const contact = parseErpInput(contactInputSchema, input, 'contact');
    return this.db.transaction().execute(async (trx) => {
      const references = await resolveDemoReferences(trx, { accountId: contact.accountId, ownerId: contact.ownerId, actorUserId: actor.erpUserId });
      const stamp = await nextChangeStamp(trx, this.now);
      const emails = distinctEmails(contact.emails);
      const displayName = contact.displayName || composeDisplayName(contact.givenName, contact.surname) || emails[0] || '';
      const { id } = await trx
        .insertInto('contacts')
        .values({
          ...nameColumns(contact.givenName, contact.surname, displayName),
          job_title: emptyToNull(contact.jobTitle),
          account_id: references.accountId ?? null,
          business_phone: emptyToNull(contact.businessPhone),
          mobile_phone: emptyToNull(contact.mobilePhone),
          ...addressToColumns(contact.address),
          notes: emptyToNull(contact.notes),
          owner_id: references.ownerId ?? null,
          updated_at: stamp,
          updated_by: actor.email,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceEmails(trx, id, emails);
      return loadOne(trx, id);
    });
  }

  async update(id: string, patch: ContactPatch, actor: ErpActor): Promise<ErpContact> {
    const changes = parseErpInput(contactPatchSchema, patch, 'contact patch');
    const numeric = parseDemoId(id);
    return this.db.transaction().execute(async (trx) => {
      const current = numeric === undefined ? undefined : await trx.selectFrom('contacts').selectAll().where('id', '=', numeric).executeTakeFirst();
      if (!current || numeric === undefined) throw new ErpError('not_found', `contact ${id} does not exist`);
      if (current.version !== changes.version) {
        throw new ErpError('conflict', `contact ${id} changed since version ${changes.version}: it is at version ${current.version}`);
      }
      const before = await loadOne(trx, numeric);
      const references = await resolveDemoReferences(trx, { accountId: changes.accountId, ownerId: changes.ownerId });
      const givenName = changes.givenName === undefined ? current.given_name : emptyToNull(changes.givenName);
      const surname = changes.surname === undefined ? current.surname : emptyToNull(changes.surname);
      const stamp = await nextChangeStamp(trx, this.now);
      const firstEmail = await trx.selectFrom('contact_emails').select('email').where('contact_id', '=', numeric).orderBy('position').executeTakeFirst();
      const emails = { before: firstEmail?.email, after: changes.emails === undefined ? firstEmail?.email : distinctEmails(changes.emails)[0] };
      await trx
        .updateTable('contacts')
        .set({
          ...nameColumns(givenName, surname, nextDisplayName(current, givenName, surname, changes.displayName, emails)),
          ...(changes.jobTitle !== undefined && { job_title: emptyToNull(changes.jobTitle) }),
          ...(references.accountId !== undefined && { account_id: references.accountId }),
          ...(changes.businessPhone !== undefined && { business_phone: emptyToNull(changes.businessPhone) }),
          ...(changes.mobilePhone !== undefined && { mobile_phone: emptyToNull(changes.mobilePhone) }),
          ...(changes.address !== undefined && addressToColumns(changes.address)),
          ...(changes.notes !== undefined && { notes: emptyToNull(changes.notes) }),
          ...(references.ownerId !== undefined && { owner_id: references.ownerId }),
          updated_at: stamp,
          updated_by: actor.email,
          version: current.version + 1,
        })
        .where('id', '=', numeric)
        .execute();
      if (changes.emails !== undefined) await replaceEmails(trx, numeric, distinctEmails(changes.emails));
      const after = await loadOne(trx, numeric);
      const fieldUpdatedAt = stampChangedFields(before, after, stamp);
      await trx.updateTable('contacts').set({ field_updated_at: JSON.stringify(fieldUpdatedAt) }).where('id', '=', numeric).execute();
      return { ...after, fieldUpdatedAt };
    });
  }

  /** Contacts written and deleted after the cursor, oldest first, on the key (updated_at, id). */
  async changes(cursor: string | undefined, limit: number): Promise<ChangeFeed<ErpContact>> {
    const pageSize = clampPageLimit(limit);
    const [at, id] = cursor ? decodeKeysetCursor(cursor, 'contact-changes', searchKey) : ['', 0];
    const rows = await this.db
      .selectFrom('contacts')
      .select(['id', 'updated_at as at', sql<number>`0`.as('deleted')])
      .where((eb) => eb(eb.refTuple('updated_at', 'id'), '>', eb.tuple(at, id)))
      .unionAll(
        this.db
          .selectFrom('tombstones')
          .select(['entity_id as id', 'deleted_at as at', sql<number>`1`.as('deleted')])
          .where('entity', '=', 'contact')
          .where((eb) => eb(eb.refTuple('deleted_at', 'entity_id'), '>', eb.tuple(at, id))),
      )
      .orderBy('at')
      .orderBy('id')
      .limit(pageSize + 1)
      .execute();
    const page = rows.slice(0, pageSize);
    const last = page.at(-1);
    return {
      items: await loadDemoContacts(this.db, page.filter((row) => !row.deleted).map((row) => row.id)),
      deletedIds: page.filter((row) => row.deleted).map((row) => String(row.id)),
      nextCursor: encodeKeysetCursor('contact-changes', last ? [last.at, last.id] : [at, id]),
      hasMore: rows.length > pageSize,
    };
  }

  /** Deletes the contact, keeps its actions (unlinked) and leaves a tombstone for the change feed. */
  async delete(id: string, actor: ErpActor): Promise<void> {
    const numeric = parseDemoId(id);
    await this.db.transaction().execute(async (trx) => {
      const current = numeric === undefined ? undefined : await trx.selectFrom('contacts').select('id').where('id', '=', numeric).executeTakeFirst();
      if (!current) throw new ErpError('not_found', `contact ${id} does not exist`);
      const stamp = await nextChangeStamp(trx, this.now);
      await trx
        .updateTable('actions')
        .set((eb) => ({ contact_id: null, updated_at: stamp, updated_by: actor.email, version: eb('version', '+', 1) }))
        .where('contact_id', '=', current.id)
        .execute();
      await trx.deleteFrom('contacts').where('id', '=', current.id).execute();
      await trx.insertInto('tombstones').values({ entity: 'contact', entity_id: current.id, deleted_at: stamp, deleted_by: actor.email }).execute();
    });
  }
}

async function loadOne(db: Kysely<DemoErpDatabase>, id: number): Promise<ErpContact> {
  const [contact] = await loadDemoContacts(db, [id]);
  if (!contact) throw new ErpError('not_found', `contact ${id} does not exist`);
  return contact;
}

function nameColumns(givenName: string | null | undefined, surname: string | null | undefined, displayName: string) {
  return {
    given_name: emptyToNull(givenName ?? undefined),
    surname: emptyToNull(surname ?? undefined),
    display_name: displayName,
    given_key: foldSearchText(givenName ?? ''),
    surname_key: foldSearchText(surname ?? ''),
    display_key: foldSearchText(displayName),
  };
}

/** A display name that was only "Given Surname" follows name edits; one typed by hand stays. */
function nextDisplayName(
  current: Selectable<ContactTable>,
  givenName: string | null,
  surname: string | null,
  requested: string | undefined,
  firstEmail: { before: string | undefined; after: string | undefined },
): string {
  if (requested) return requested;
  // A display name that was only derived (the names, else the first email) follows them, as on create.
  const derivedBefore = composeDisplayName(current.given_name, current.surname) ?? firstEmail.before;
  if (requested === undefined && current.display_name !== derivedBefore) return current.display_name;
  return composeDisplayName(givenName, surname) ?? firstEmail.after ?? current.display_name;
}

/** Emails keep their order (the first is primary); a repeat in another case is the same address. */
function distinctEmails(emails: readonly string[]): string[] {
  const seen = new Set<string>();
  return emails.filter((email) => {
    const key = email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function replaceEmails(db: Kysely<DemoErpDatabase>, contactId: number, emails: readonly string[]): Promise<void> {
  await db.deleteFrom('contact_emails').where('contact_id', '=', contactId).execute();
  if (!emails.length) return;
  await db
    .insertInto('contact_emails')
    .values(emails.map((email, position) => ({ contact_id: contactId, position, email, email_lower: email.toLowerCase() })))
    .execute();
}
