import type { SyncedContact } from '../../../src/domain/synced-contact';

/**
 * What the ERP user and Amélie in Outlook do to one synced contact between two syncs. The kinds
 * that end in a conflict are the ones where both sides change the same value: a text field, the
 * same address part, the same email.
 */
export const contactEditKinds = [
  'erpOnly',
  'outlookOnly',
  /** ERP job title or business phone, Outlook mobile phone or notes. */
  'differentFields',
  /** The same text field on both sides (job title, a phone, notes): a conflict. */
  'sameField',
  /** ERP the street, Outlook the city: both kept. */
  'addressDifferentParts',
  /** Both the city: a conflict. */
  'addressSamePart',
  /** ERP adds an email while Outlook changes the primary: both kept. */
  'emailAddedAndPrimaryChanged',
  /** Both change the primary email: a conflict. */
  'emailSameElement',
  /** ERP changes the business phone while Outlook adds a second one, which the ERP has no slot for: both kept. */
  'businessPhoneAndSecondPhone',
] as const;

export type ContactEditKind = (typeof contactEditKinds)[number];

/** Kinds whose outcome does not depend on the policy or on which edit came first: they may land in the middle of a run. */
export const mergeableContactEditKinds: readonly ContactEditKind[] = [
  'erpOnly', 'outlookOnly', 'differentFields', 'addressDifferentParts', 'emailAddedAndPrimaryChanged', 'businessPhoneAndSecondPhone',
];

/** One side's write that landed: the synced fields it changed, as that side now holds them, and when (virtual clock, ms). */
export interface SideEdit {
  fields: Partial<SyncedContact>;
  at: number;
}

export interface ContactEdit {
  kind: ContactEditKind;
  erpId: string;
  /** The values both sides agreed on before the edit (the ERP projection, equal to the Outlook copy). */
  base: SyncedContact;
  /** The ERP's emails before the edit, those past Outlook's three slots included. */
  baseErpEmails: string[];
  /** Absent when that side's write did not land (a fault the user gave up on). */
  erp?: SideEdit;
  /** `fields.emails` holds what Outlook shows (three slots at most). */
  outlook?: SideEdit & { otherBusinessPhones?: string[] };
}
