import type { Insertable } from 'kysely';
import type { ActionType, ErpAction } from '../../../src/domain/erp-records';
import { composeDisplayName } from '../compose-display-name';
import { foldSearchText } from '../fold-search-text';
import { actionSortAt } from './action-sort-at';
import type { AccountTable, ActionTable, ContactEmailTable, ContactTable, ErpUserTable } from './demo-erp-database';

/** Rows the seeder inserts, in this order (foreign keys). Ids are explicit: the seeder fills an empty database. */
export interface DemoRows {
  users: Insertable<ErpUserTable>[];
  accounts: Insertable<AccountTable>[];
  contacts: Insertable<ContactTable>[];
  emails: Insertable<ContactEmailTable>[];
  actions: Insertable<ActionTable>[];
}

export const emptyDemoRows = (): DemoRows => ({ users: [], accounts: [], contacts: [], emails: [], actions: [] });

export interface DemoAddress {
  street?: string;
  city?: string;
  postalCode?: string;
  state?: string;
  countryOrRegion?: string;
}

const addressColumns = (address: DemoAddress | undefined) => ({
  street: address?.street ?? null,
  city: address?.city ?? null,
  postal_code: address?.postalCode ?? null,
  state: address?.state ?? null,
  country_or_region: address?.countryOrRegion ?? null,
});

export function demoUserRow(id: number, email: string, displayName: string): Insertable<ErpUserTable> {
  return { id, email, email_lower: email.toLowerCase(), display_name: displayName };
}

export interface DemoAccountFields {
  id: number;
  name: string;
  taxId?: string;
  phone?: string;
  website?: string;
  address?: DemoAddress;
  ownerId?: number;
  updatedAt: string;
  version?: number;
}

export function demoAccountRow(account: DemoAccountFields): Insertable<AccountTable> {
  return {
    id: account.id,
    name: account.name,
    name_key: foldSearchText(account.name),
    tax_id: account.taxId ?? null,
    phone: account.phone ?? null,
    website: account.website ?? null,
    ...addressColumns(account.address),
    owner_id: account.ownerId ?? null,
    updated_at: account.updatedAt,
    version: account.version ?? 1,
  };
}

export interface DemoContactFields {
  id: number;
  givenName?: string;
  surname?: string;
  displayName?: string;
  jobTitle?: string;
  accountId?: number;
  businessPhone?: string;
  mobilePhone?: string;
  address?: DemoAddress;
  notes?: string;
  ownerId?: number;
  updatedAt: string;
  version?: number;
}

export function demoContactRow(contact: DemoContactFields): Insertable<ContactTable> {
  const displayName = contact.displayName ?? composeDisplayName(contact.givenName, contact.surname) ?? '';
  return {
    id: contact.id,
    given_name: contact.givenName ?? null,
    surname: contact.surname ?? null,
    display_name: displayName,
    job_title: contact.jobTitle ?? null,
    account_id: contact.accountId ?? null,
    business_phone: contact.businessPhone ?? null,
    mobile_phone: contact.mobilePhone ?? null,
    ...addressColumns(contact.address),
    notes: contact.notes ?? null,
    owner_id: contact.ownerId ?? null,
    given_key: foldSearchText(contact.givenName ?? ''),
    surname_key: foldSearchText(contact.surname ?? ''),
    display_key: foldSearchText(displayName),
    updated_at: contact.updatedAt,
    updated_by: 'seed',
    version: contact.version ?? 1,
  };
}

export function demoEmailRows(contactId: number, emails: readonly string[]): Insertable<ContactEmailTable>[] {
  return emails.map((email, position) => ({ contact_id: contactId, position, email, email_lower: email.toLowerCase() }));
}

export interface DemoActionFields {
  id: number;
  type: ActionType;
  subject: string;
  notes?: string;
  start?: Date;
  end?: Date;
  dueDate?: string;
  allDay?: boolean;
  timeZone: string;
  status: ErpAction['status'];
  ownerId?: number;
  private?: boolean;
  contactId?: number;
  accountId?: number;
  updatedAt: string;
  version?: number;
}

export function demoActionRow(action: DemoActionFields): Insertable<ActionTable> {
  const start = action.start?.toISOString() ?? null;
  return {
    id: action.id,
    type: action.type,
    subject: action.subject,
    notes: action.notes ?? null,
    start_at: start,
    end_at: action.end?.toISOString() ?? null,
    due_date: action.dueDate ?? null,
    all_day: action.allDay ? 1 : 0,
    time_zone: action.timeZone,
    status: action.status,
    owner_id: action.ownerId ?? null,
    private: action.private ? 1 : 0,
    contact_id: action.contactId ?? null,
    account_id: action.accountId ?? null,
    sort_at: actionSortAt(start, action.dueDate ?? null, action.updatedAt),
    updated_at: action.updatedAt,
    updated_by: 'seed',
    version: action.version ?? 1,
  };
}
