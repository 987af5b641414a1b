import type { ConflictPolicy } from '../../../src/domain/sync-settings';
import type { SyncedContact, SyncedContactField } from '../../../src/domain/synced-contact';
import type { ContactEdit } from './contact-edit';

type Side = 'erp' | 'outlook';

/** What both systems must hold for the fields an edit touched, once the sync has settled. */
export interface ExpectedContact {
  /** The ERP record's values (emails: the whole list, past Outlook's slots included). */
  erp: Partial<SyncedContact>;
  /** The Outlook copy's values (emails: the three slots). */
  outlook: Partial<SyncedContact>;
  /** Business phones Outlook holds after the first: the user's own, which the sync keeps. */
  otherBusinessPhones?: string[];
  /** A value both sides changed differently: on record with both values, and the side it went to (`undefined`: waiting for the user). */
  conflict?: { field: SyncedContactField; erpValue: unknown; outlookValue: unknown; resolution: Side | undefined };
}

const outlookSlots = 3;
const distinct = (emails: readonly string[]) => emails.filter((email, index) => emails.findIndex((other) => other.toLowerCase() === email.toLowerCase()) === index);

/**
 * The oracle of the chaos test, written from DESIGN §5 and not from the engine's merge code:
 * a field one side changed takes that side's value; edits of different parts of one field (address
 * parts, email list elements, the business phones past the ERP's one) are all kept; a value both
 * sides changed is a conflict, recorded with both values, that the policy settles — `erp-wins` and
 * `outlook-wins` by name, `newest` by the later edit (they are seconds apart), `manual` not at all:
 * each side keeps its own value until the user's `decision`, which then lands on both.
 */
export function expectedContact(edit: ContactEdit, policy: ConflictPolicy, decision?: Side): ExpectedContact {
  const { erp, outlook, base } = edit;
  const expected: ExpectedContact = { erp: { ...erp?.fields }, outlook: { ...outlook?.fields } };
  // Emails the ERP holds: a one-sided list edit is the whole list on both sides, Outlook showing the first three.
  if (erp?.fields.emails) expected.outlook.emails = erp.fields.emails.slice(0, outlookSlots);
  if (outlook?.fields.emails) expected.erp.emails = [...outlook.fields.emails, ...edit.baseErpEmails.slice(outlookSlots)];
  for (const [field, value] of Object.entries(erp?.fields ?? {})) if (field !== 'emails') Object.assign(expected.outlook, { [field]: value });
  for (const [field, value] of Object.entries(outlook?.fields ?? {})) if (field !== 'emails') Object.assign(expected.erp, { [field]: value });
  if (outlook?.otherBusinessPhones) expected.otherBusinessPhones = outlook.otherBusinessPhones;
  if (!erp || !outlook) return expected;

  switch (edit.kind) {
    case 'erpOnly':
    case 'outlookOnly':
    case 'differentFields':
    case 'businessPhoneAndSecondPhone':
      return expected;
    case 'addressDifferentParts': {
      const address = { ...base.address, street: erp.fields.address?.street, city: outlook.fields.address?.city };
      return { ...expected, erp: { address }, outlook: { address } };
    }
    case 'emailAddedAndPrimaryChanged': {
      // Outlook's new primary first, then the emails both kept, then the one the ERP added.
      const [primary] = outlook.fields.emails ?? [];
      const added = (erp.fields.emails ?? []).filter((email) => !edit.baseErpEmails.includes(email));
      const emails = distinct([...(primary === undefined ? [] : [primary]), ...edit.baseErpEmails.slice(1), ...added]);
      return { erp: { emails }, outlook: { emails: emails.slice(0, outlookSlots) } };
    }
    case 'sameField':
    case 'addressSamePart':
    case 'emailSameElement':
      return conflicting(edit, erp, outlook, decision ?? winner(policy, erp.at, outlook.at));
  }
}

/** The policy's side for a value both changed; `newest` the later edit (a tie would go to the ERP, the record of reference). */
export function winner(policy: ConflictPolicy, erpAt: number, outlookAt: number): Side | undefined {
  if (policy === 'manual') return undefined;
  if (policy === 'newest') return outlookAt > erpAt ? 'outlook' : 'erp';
  return policy === 'erp-wins' ? 'erp' : 'outlook';
}

function conflicting(edit: ContactEdit, erp: NonNullable<ContactEdit['erp']>, outlook: NonNullable<ContactEdit['outlook']>, resolution: Side | undefined): ExpectedContact {
  const [field] = Object.keys(erp.fields) as SyncedContactField[];
  if (field === undefined) throw new Error(`edit of ${edit.erpId} changed no ERP field`);
  const erpValue = field === 'emails' ? erp.fields.emails?.slice(0, outlookSlots) : erp.fields[field];
  const outlookValue = outlook.fields[field];
  const conflict = { field, erpValue, outlookValue, resolution };
  if (resolution === undefined) return { erp: { [field]: erp.fields[field] }, outlook: { [field]: outlookValue }, conflict };
  if (field !== 'emails') {
    const value = resolution === 'erp' ? erp.fields[field] : outlookValue;
    return { erp: { [field]: value }, outlook: { [field]: value }, conflict };
  }
  // Both changed the primary: the winner's primary, the rest of the ERP's list as it was.
  const emails = resolution === 'erp' ? (erp.fields.emails ?? []) : [...(outlook.fields.emails ?? []), ...edit.baseErpEmails.slice(outlookSlots)];
  return { erp: { emails }, outlook: { emails: emails.slice(0, outlookSlots) }, conflict };
}
