import { z } from 'zod';
import { actionStatuses, actionTypes, ianaTimeZoneSchema } from '../../../src/domain/erp-records';

const table = z.string().regex(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?$/, 'a table name such as contacts_clients or erp.contacts_clients');
const column = z.string().regex(/^[A-Za-z_]\w*$/, 'a column name such as no_contact');

const idSchema = z.strictObject({
  column,
  /** Integer keys are written as numbers and read back as strings: `42` → `"42"`. */
  type: z.enum(['integer', 'string']).default('integer'),
  /** `database`: the ERP fills the key (serial, identity, autoincrement); `uuid`: the bridge makes one. */
  generated: z.enum(['database', 'uuid']).default('database'),
});

const addressSchema = z.strictObject({
  street: column.optional(),
  city: column.optional(),
  postalCode: column.optional(),
  state: column.optional(),
  countryOrRegion: column.optional(),
});

/** Columns every written entity needs for change detection and optimistic concurrency. */
const tracking = {
  /** Last change; NOT NULL. Also the version when `version` is absent. */
  updatedAt: column,
  /** An integer the ERP increments on every write; optional. */
  version: column.optional(),
  /** Receives the email of the Microsoft 365 user who wrote through the bridge; optional. */
  updatedBy: column.optional(),
};

const usersSchema = z.strictObject({ table, id: idSchema, email: column, displayName: column });

const accountsSchema = z.strictObject({
  table,
  id: idSchema,
  ...tracking,
  columns: z.strictObject({
    name: column,
    taxId: column.optional(),
    phone: column.optional(),
    website: column.optional(),
    ownerId: column.optional(),
    address: addressSchema.optional(),
  }),
});

const contactsSchema = z.strictObject({
  table,
  id: idSchema,
  ...tracking,
  columns: z
    .strictObject({
      givenName: column.optional(),
      surname: column.optional(),
      displayName: column.optional(),
      jobTitle: column.optional(),
      accountId: column.optional(),
      businessPhone: column.optional(),
      mobilePhone: column.optional(),
      notes: column.optional(),
      ownerId: column.optional(),
      address: addressSchema.optional(),
    })
    .refine((columns) => columns.givenName || columns.surname || columns.displayName, 'map at least one of givenName, surname, displayName'),
  /** Email columns, primary first (`["courriel1", "courriel2"]`); none when the ERP keeps no email. */
  emails: z.array(column).max(10).default([]),
});

const actionsSchema = z.strictObject({
  table,
  id: idSchema,
  ...tracking,
  columns: z
    .strictObject({
      type: column,
      subject: column,
      notes: column.optional(),
      start: column.optional(),
      end: column.optional(),
      dueDate: column.optional(),
      allDay: column.optional(),
      timeZone: column.optional(),
      status: column.optional(),
      ownerId: column.optional(),
      private: column.optional(),
      contactId: column.optional(),
      accountId: column.optional(),
    })
    .refine((columns) => Boolean(columns.start) === Boolean(columns.end), { message: 'map start and end together', path: ['end'] }),
  /** The ERP's type codes and what they mean: `{ "APPEL": "call", "VISITE": "visit" }`. The first code of a type is the one written. */
  typeCodes: z.record(z.string().min(1), z.enum(actionTypes)).refine((codes) => Object.keys(codes).length > 0, 'list at least one type code'),
  /** What an unlisted type code reads as. */
  otherType: z.enum(actionTypes).default('note'),
  /** The ERP's status codes, when they are not `planned`, `done`, `cancelled`. */
  statusCodes: z.record(z.string().min(1), z.enum(actionStatuses)).optional(),
  /** Zone of actions when no `timeZone` column is mapped or it holds an unknown name. */
  defaultTimeZone: ianaTimeZoneSchema.default('UTC'),
});

/**
 * How an existing ERP database's tables and columns hold our records. Only `contacts` is required;
 * fields without a column read as absent and are not written.
 */
export const sqlErpMappingSchema = z
  .strictObject({
    users: usersSchema.optional(),
    accounts: accountsSchema.optional(),
    contacts: contactsSchema,
    actions: actionsSchema.optional(),
  })
  .superRefine((mapping, context) => {
    const requires = (present: unknown, needed: unknown, path: (string | number)[], what: string) => {
      if (present && !needed) context.addIssue({ code: 'custom', path, message: `needs the ${what} mapping` });
    };
    requires(mapping.contacts.columns.accountId, mapping.accounts, ['contacts', 'columns', 'accountId'], 'accounts');
    requires(mapping.contacts.columns.ownerId, mapping.users, ['contacts', 'columns', 'ownerId'], 'users');
    requires(mapping.accounts?.columns.ownerId, mapping.users, ['accounts', 'columns', 'ownerId'], 'users');
    requires(mapping.actions?.columns.accountId, mapping.accounts, ['actions', 'columns', 'accountId'], 'accounts');
    requires(mapping.actions?.columns.ownerId, mapping.users, ['actions', 'columns', 'ownerId'], 'users');
  });

export type SqlErpMapping = z.infer<typeof sqlErpMappingSchema>;
export type SqlErpMappingInput = z.input<typeof sqlErpMappingSchema>;
export type SqlIdMapping = z.infer<typeof idSchema>;
export type SqlAddressMapping = z.infer<typeof addressSchema>;
