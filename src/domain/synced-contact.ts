import { z } from 'zod';
import { addressSchema } from './erp-records';

/**
 * The contact fields the bridge keeps in step between the ERP and Outlook (DESIGN §5), named as in
 * `ErpContact` and in the Graph gateway's `OutlookContactFields`. Compare values only after
 * `normalizeSyncedContact`: absent is a missing key, never `''`. Parse stored link snapshots with it.
 */
export const syncedContactSchema = z.object({
  givenName: z.string().optional(),
  surname: z.string().optional(),
  displayName: z.string().optional(),
  companyName: z.string().optional(),
  jobTitle: z.string().optional(),
  /** The first is the primary; Outlook holds three. Not validated as addresses: users type anything in Outlook. */
  emails: z.array(z.string()),
  businessPhone: z.string().optional(),
  mobilePhone: z.string().optional(),
  address: addressSchema.optional(),
  notes: z.string().optional(),
  /** Absent when the ERP does not manage categories: the user's own then stay as they are. */
  categories: z.array(z.string()).optional(),
});

export type SyncedContact = z.infer<typeof syncedContactSchema>;
export type SyncedContactField = keyof SyncedContact;
