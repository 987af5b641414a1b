import type { ColumnType, Generated } from 'kysely';

/**
 * Tables of the demo ERP (SQLite). Timestamps are UTC ISO strings (`toISOString()`), so text
 * order is time order; booleans are 0/1. `*_key` columns hold `foldSearchText` of a name, for
 * accent- and case-insensitive prefix search through ordinary indexes.
 */
export interface DemoErpDatabase {
  erp_users: ErpUserTable;
  accounts: AccountTable;
  contacts: ContactTable;
  contact_emails: ContactEmailTable;
  actions: ActionTable;
  tombstones: TombstoneTable;
  action_departures: ActionDepartureTable;
  demo_meta: DemoMetaTable;
}

export interface ErpUserTable {
  id: Generated<number>;
  email: string;
  email_lower: string;
  display_name: string;
}

interface AddressColumns {
  street: string | null;
  city: string | null;
  postal_code: string | null;
  state: string | null;
  country_or_region: string | null;
}

export interface AccountTable extends AddressColumns {
  id: Generated<number>;
  name: string;
  name_key: string;
  tax_id: string | null;
  phone: string | null;
  website: string | null;
  owner_id: number | null;
  updated_at: string;
  version: number;
}

export interface ContactTable extends AddressColumns {
  id: Generated<number>;
  given_name: string | null;
  surname: string | null;
  display_name: string;
  job_title: string | null;
  account_id: number | null;
  business_phone: string | null;
  mobile_phone: string | null;
  notes: string | null;
  owner_id: number | null;
  given_key: string;
  surname_key: string;
  display_key: string;
  updated_at: string;
  updated_by: string | null;
  /** JSON: when each field last changed (`ErpContact.fieldUpdatedAt`); null until one is edited. */
  field_updated_at: ColumnType<string | null, string | null | undefined, string | null>;
  version: number;
}

export interface ContactEmailTable {
  contact_id: number;
  /** 0 is the primary email. */
  position: number;
  email: string;
  email_lower: string;
}

export interface ActionTable {
  id: Generated<number>;
  type: string;
  subject: string;
  notes: string | null;
  start_at: string | null;
  end_at: string | null;
  due_date: string | null;
  all_day: number;
  time_zone: string;
  status: string;
  owner_id: number | null;
  private: number;
  contact_id: number | null;
  account_id: number | null;
  /** When the action happens: start, else due date, else creation; lists are newest first on it. */
  sort_at: string;
  updated_at: string;
  /** The email or meeting the action logs (unique); null for actions made otherwise. */
  source_key: ColumnType<string | null, string | null | undefined, string | null>;
  updated_by: string | null;
  version: number;
}

export interface TombstoneTable {
  entity: 'contact' | 'action';
  entity_id: number;
  deleted_at: string;
  deleted_by: string | null;
}

/** The last time an action left an owner (given to another, or deleted): that owner's change feed reports it gone. */
export interface ActionDepartureTable {
  owner_id: number;
  action_id: number;
  departed_at: string;
}

export interface DemoMetaTable {
  key: string;
  value: string;
}
