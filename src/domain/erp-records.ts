import { z } from 'zod';

/** ERP identifiers are strings: each ERP has its own key shape, we never parse them. */
export const erpIdSchema = z.string().min(1).max(64).regex(/^[\w.:-]+$/, 'letters, digits, . : _ - only');

const text = (max: number) => z.string().trim().max(max);
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

/** An IANA time zone name that this runtime knows (`Europe/Madrid`, `America/Toronto`, `UTC`). */
export const ianaTimeZoneSchema = z.string().max(64).refine(isKnownTimeZone, 'an IANA time zone such as Europe/Madrid');

export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const emailSchema = z.string().trim().max(254).pipe(z.email());

export const addressSchema = z.object({
  street: text(200).optional(),
  city: text(100).optional(),
  postalCode: text(20).optional(),
  state: text(100).optional(),
  countryOrRegion: text(100).optional(),
});

export const erpUserSchema = z.object({
  id: erpIdSchema,
  email: z.string(),
  displayName: z.string(),
});

export const erpAccountSchema = z.object({
  id: erpIdSchema,
  name: z.string(),
  taxId: z.string().optional(),
  phone: z.string().optional(),
  website: z.string().optional(),
  address: addressSchema.optional(),
  ownerId: erpIdSchema.optional(),
  updatedAt: isoDateTime,
  version: z.number().int(),
});

export const contactFieldsSchema = z.object({
  givenName: text(100).optional(),
  surname: text(100).optional(),
  displayName: text(200).optional(),
  jobTitle: text(100).optional(),
  accountId: erpIdSchema.optional(),
  /** First is primary; Outlook holds three. */
  emails: z.array(emailSchema).max(10).default([]),
  businessPhone: text(40).optional(),
  mobilePhone: text(40).optional(),
  address: addressSchema.optional(),
  notes: text(10_000).optional(),
  ownerId: erpIdSchema.optional(),
});

/** The contact fields an ERP may date one by one (named as the synced fields: `companyName` follows the account). */
export const timedContactFields = ['givenName', 'surname', 'displayName', 'companyName', 'jobTitle', 'emails', 'businessPhone', 'mobilePhone', 'address', 'notes'] as const;

export const erpContactSchema = contactFieldsSchema.extend({
  id: erpIdSchema,
  displayName: z.string(),
  companyName: z.string().optional(),
  updatedAt: isoDateTime,
  /**
   * When each field last changed, for ERPs that keep it (the demo ERP does); a field without a
   * time, or a record without any, changed at `updatedAt` for all the sync engine knows.
   */
  fieldUpdatedAt: z.partialRecord(z.enum(timedContactFields), isoDateTime).optional(),
  version: z.number().int(),
});

export const contactInputSchema = contactFieldsSchema
  .refine((c) => Boolean(c.givenName || c.surname || c.displayName || c.emails.length), {
    message: 'a contact needs a name or an email',
  });

/** A patch names only what changes: without this override, `.partial()` keeps the `emails` default and a patch would clear them. */
export const contactPatchSchema = contactFieldsSchema.extend({ emails: z.array(emailSchema).max(10) }).partial().extend({
  /** The version the client read; a stale one is refused with `conflict`. */
  version: z.number().int().min(0),
});

export const actionTypes = ['call', 'visit', 'meeting', 'email', 'task', 'note'] as const;
export const actionStatuses = ['planned', 'done', 'cancelled'] as const;

export const actionFieldsSchema = z.object({
  type: z.enum(actionTypes),
  subject: text(255).min(1),
  notes: text(100_000).optional(),
  /** Timed actions have start and end; untimed ones may have a due date. */
  start: isoDateTime.optional(),
  end: isoDateTime.optional(),
  dueDate: isoDate.optional(),
  allDay: z.boolean().default(false),
  timeZone: ianaTimeZoneSchema.default('UTC'),
  status: z.enum(actionStatuses).default('planned'),
  ownerId: erpIdSchema.optional(),
  private: z.boolean().default(false),
  contactId: erpIdSchema.optional(),
  accountId: erpIdSchema.optional(),
});

const timesAreCoherent = (a: { start?: string | undefined; end?: string | undefined }) =>
  (a.start === undefined) === (a.end === undefined) && (a.start === undefined || Date.parse(a.start) <= Date.parse(a.end ?? ''));

export const actionInputSchema = actionFieldsSchema.refine(timesAreCoherent, {
  message: 'start and end go together, and end is not before start',
  path: ['end'],
});

/** Same reason as `contactPatchSchema`: no defaults, or a patch would reset time zone, status and privacy it does not mention. */
export const actionPatchSchema = actionFieldsSchema
  .extend({ allDay: z.boolean(), timeZone: ianaTimeZoneSchema, status: z.enum(actionStatuses), private: z.boolean() })
  .partial()
  .extend({ version: z.number().int().min(0) })
  .refine(timesAreCoherent, { message: 'start and end go together, and end is not before start', path: ['end'] });

export const erpActionSchema = actionFieldsSchema.extend({
  id: erpIdSchema,
  updatedAt: isoDateTime,
  version: z.number().int(),
});

export type ErpUser = z.infer<typeof erpUserSchema>;
export type ErpAccount = z.infer<typeof erpAccountSchema>;
export type ErpContact = z.infer<typeof erpContactSchema>;
export type ContactInput = z.infer<typeof contactInputSchema>;
export type ContactPatch = z.infer<typeof contactPatchSchema>;
export type ErpAction = z.infer<typeof erpActionSchema>;
export type ActionInput = z.infer<typeof actionInputSchema>;
export type ActionPatch = z.infer<typeof actionPatchSchema>;
export type ActionType = (typeof actionTypes)[number];
export type Address = z.infer<typeof addressSchema>;
