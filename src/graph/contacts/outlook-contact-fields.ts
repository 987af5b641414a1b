import type { ErpContact } from '../../domain/erp-records';

/**
 * The contact fields the bridge syncs (DESIGN §5), named as in `ErpContact`, so an ERP contact is one
 * as it is. Categories live in Outlook only: when absent, a write leaves the user's categories alone.
 */
export type OutlookContactFields = Partial<
  Pick<ErpContact, 'givenName' | 'surname' | 'displayName' | 'companyName' | 'jobTitle' | 'businessPhone' | 'mobilePhone' | 'address' | 'notes'>
> & {
  /** The first is the primary; Outlook holds three. */
  emails: string[];
  categories?: string[];
};
