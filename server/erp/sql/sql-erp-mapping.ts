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
  /**
   * IANA zone of an `updatedAt` column that holds a local wall-clock time without offset
   * (`timestamp` in Europe/Madrid). Without it such a column is read and written as UTC.
   */
  updatedAtTimeZone: ianaTimeZoneSchema.optional(),
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

/** A value a scope or soft-delete column is compared with. */
const columnValue = z.union([z.string(), z.number(), z.boolean()]);

/** One condition on a column; a row is in scope when all conditions hold. */
const conditionSchema = z.union([
  z.strictObject({ column, equals: columnValue }),
  z.strictObject({ column, in: z.array(columnValue).min(1) }),
  /** NULL is "not in" the list too. */
  z.strictObject({ column, notIn: z.array(columnValue).min(1) }),
  z.strictObject({ column, isNull: z.boolean() }),
]);

/** Fields of a contact a mapping can mark read-only. */
export const sqlContactFields = ['givenName', 'surname', 'displayName', 'jobTitle', 'accountId', 'emails', 'businessPhone', 'mobilePhone', 'address', 'notes', 'ownerId'] as const;

const contactsSchema = z
  .strictObject({
    table,
    id: idSchema,
    ...tracking,
    /**
     * How the change feed finds changes: `updatedAt`, a keyset on the modification column (it must
     * move on every edit); `contentHash`, a listing of the scope compared by content with the last
     * one (finds edits that leave the column alone, and hard deletes of rows that shared a bucket).
     */
    changeDetection: z.enum(['updatedAt', 'contentHash']).default('updatedAt'),
    columns: z.strictObject({
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
    }),
    /** One column holding the whole name, split into given name and surname on read and joined on write. */
    fullName: z
      .strictObject({
        column,
        /** `surname, given` ("García López, Ana": lossless); `given surname` ("Ana García": the last word is the surname). */
        format: z.enum(['surname, given', 'given surname']),
      })
      .optional(),
    /** Email columns, primary first (`["courriel1", "courriel2"]`); none when the ERP keeps no email. */
    emails: z.array(column).max(10).default([]),
    /** Emails kept in a child table, one row per email, instead of `emails` columns. */
    emailTable: z
      .strictObject({
        table,
        /** The child row's reference to the contact's key. */
        contactId: column,
        email: column,
        /** Ascending: the primary email first. Without it, rows are ordered by email. */
        order: column.optional(),
      })
      .optional(),
    scope: z
      .strictObject({
        /** Rows the bridge syncs; the others are not contacts to it (an inactive flag, a customer type). */
        where: z.array(conditionSchema).min(1).optional(),
        /** Each mailbox gets only the contacts its ERP user owns (`columns.ownerId`); lookups still see every contact. */
        ownedByMailbox: z.boolean().default(false),
      })
      .optional(),
    /** A column that marks a row deleted: such a row is read as a tombstone, never as a contact. */
    softDelete: z
      .strictObject({
        column,
        /** Values that mean deleted (`["S"]`); without it, any non-NULL value does (a deletion date). */
        deletedValues: z.array(columnValue).min(1).optional(),
        /** Written on create when the column has no default (`"N"`). */
        activeValue: columnValue.optional(),
      })
      .optional(),
    /** Fields read but never written: a write that would change one is refused with `invalid_input`. */
    readOnly: z.array(z.enum(sqlContactFields)).default([]),
  })
  .superRefine((contacts, context) => {
    const { columns, fullName } = contacts;
    if (!(columns.givenName || columns.surname || columns.displayName || fullName)) {
      context.addIssue({ code: 'custom', path: ['columns'], message: 'map at least one of givenName, surname, displayName (or fullName)' });
    }
    if (fullName && (columns.givenName || columns.surname)) {
      context.addIssue({ code: 'custom', path: ['fullName'], message: 'map either fullName or givenName/surname columns, not both' });
    }
    if (contacts.scope?.ownedByMailbox && !columns.ownerId) {
      context.addIssue({ code: 'custom', path: ['scope', 'ownedByMailbox'], message: 'needs columns.ownerId' });
    }
    if (contacts.emailTable && contacts.emails.length) {
      context.addIssue({ code: 'custom', path: ['emailTable'], message: 'map either emails columns or an emailTable, not both' });
    }
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
      /** Text column for the email or meeting an action logs; with it (ideally unique), logging is exactly once. */
      sourceKey: column.optional(),
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
export type SqlContactsMapping = z.infer<typeof contactsSchema>;
export type SqlCondition = z.infer<typeof conditionSchema>;
export type SqlColumnValue = z.infer<typeof columnValue>;
export type SqlContactField = (typeof sqlContactFields)[number];
