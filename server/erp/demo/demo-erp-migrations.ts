import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { actionStatuses, actionTypes } from '../../../src/domain/erp-records';
import type { DemoErpDatabase } from './demo-erp-database';

const quoted = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

/** In code, not files: the demo ERP ships inside the bridge bundle. Never edit a released step; add one. */
export const demoErpMigrations: Record<string, Migration> = {
  '0001-initial': {
    async up(db) {
      // AUTOINCREMENT so a deleted contact's id is never reused: tombstones name ids forever.
      await sql`create table erp_users (
        id integer primary key autoincrement,
        email text not null,
        email_lower text not null unique,
        display_name text not null
      )`.execute(db);
      await sql`create table accounts (
        id integer primary key autoincrement,
        name text not null,
        name_key text not null,
        tax_id text, phone text, website text,
        street text, city text, postal_code text, state text, country_or_region text,
        owner_id integer references erp_users (id),
        updated_at text not null,
        version integer not null
      )`.execute(db);
      await sql`create index accounts_name_key on accounts (name_key, id)`.execute(db);
      await sql`create table contacts (
        id integer primary key autoincrement,
        given_name text, surname text,
        display_name text not null,
        job_title text,
        account_id integer references accounts (id),
        business_phone text, mobile_phone text,
        street text, city text, postal_code text, state text, country_or_region text,
        notes text,
        owner_id integer references erp_users (id),
        given_key text not null, surname_key text not null, display_key text not null,
        updated_at text not null,
        updated_by text,
        version integer not null
      )`.execute(db);
      await sql`create index contacts_display_key on contacts (display_key, id)`.execute(db);
      await sql`create index contacts_given_key on contacts (given_key)`.execute(db);
      await sql`create index contacts_surname_key on contacts (surname_key)`.execute(db);
      await sql`create index contacts_account on contacts (account_id, display_key, id)`.execute(db);
      await sql`create index contacts_updated on contacts (updated_at, id)`.execute(db);
      await sql`create table contact_emails (
        contact_id integer not null references contacts (id) on delete cascade,
        position integer not null,
        email text not null,
        email_lower text not null,
        primary key (contact_id, position)
      ) without rowid`.execute(db);
      // The by-email lookup is one seek on this index (DESIGN §8: p99 ≤ 10 ms at 100,000 contacts).
      await sql`create index contact_emails_email_lower on contact_emails (email_lower, contact_id)`.execute(db);
      await sql`create table actions (
        id integer primary key autoincrement,
        type text not null check (type in (${quoted(actionTypes)})),
        subject text not null,
        notes text,
        start_at text, end_at text, due_date text,
        all_day integer not null,
        time_zone text not null,
        status text not null check (status in (${quoted(actionStatuses)})),
        owner_id integer references erp_users (id),
        private integer not null,
        contact_id integer references contacts (id) on delete set null,
        account_id integer references accounts (id),
        sort_at text not null,
        updated_at text not null,
        updated_by text,
        version integer not null
      )`.execute(db);
      await sql`create index actions_contact on actions (contact_id, sort_at, id)`.execute(db);
      await sql`create index actions_account on actions (account_id, sort_at, id)`.execute(db);
      await sql`create index actions_sort on actions (sort_at, id)`.execute(db);
      await sql`create table tombstones (
        entity text not null,
        entity_id integer not null,
        deleted_at text not null,
        deleted_by text,
        primary key (entity, entity_id)
      )`.execute(db);
      await sql`create index tombstones_deleted on tombstones (entity, deleted_at, entity_id)`.execute(db);
      await sql`create table demo_meta (key text primary key, value text not null)`.execute(db);
    },
  },
  '0002-contact-field-times': {
    async up(db) {
      // JSON of `ErpContact.fieldUpdatedAt`: when each field last changed (null until a field is edited).
      await sql`alter table contacts add column field_updated_at text`.execute(db);
    },
  },
  '0003-action-source-key': {
    async up(db) {
      // The email or meeting an action logs: one action per key, whoever retries or takes the log over.
      await sql`alter table actions add column source_key text`.execute(db);
      await sql`create unique index actions_source_key on actions (source_key) where source_key is not null`.execute(db);
    },
  },
  '0004-action-changes': {
    async up(db) {
      // The action change feed pages on (updated_at, id), for every action or for one owner's.
      await sql`create index actions_updated on actions (updated_at, id)`.execute(db);
      await sql`create index actions_owner_updated on actions (owner_id, updated_at, id)`.execute(db);
      await sql`create index actions_owner on actions (owner_id, sort_at, id)`.execute(db);
      // When an action last left an owner (reassigned or deleted): that owner's feed reports it gone.
      await sql`create table action_departures (
        owner_id integer not null,
        action_id integer not null,
        departed_at text not null,
        primary key (owner_id, action_id)
      ) without rowid`.execute(db);
      await sql`create index action_departures_owner on action_departures (owner_id, departed_at, action_id)`.execute(db);
      await sql`create index action_departures_departed on action_departures (departed_at)`.execute(db);
    },
  },
};

/** Brings a demo ERP database to the latest schema; the error names the step that failed. */
export async function migrateDemoErp(db: Kysely<DemoErpDatabase>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => demoErpMigrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown step';
    throw new Error(`demo ERP migration ${failed} failed`, { cause: error });
  }
}
