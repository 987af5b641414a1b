import { contactPatchSchema, emailSchema } from '../../domain/erp-records';
import type { ErpContactChanges } from './erp-contact-changes';

type ChangedField = keyof ErpContactChanges;

/** A value the ERP would refuse: reported with the field, the value and why; the rest of the record still syncs. */
export type RefusedContactField = {
  field: ChangedField;
  /** The refused value as text (one email of a list, a name, the notes). */
  value: string;
  reason: string;
};

const fieldSchemas = contactPatchSchema.shape;

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Splits an ERP write into what the ERP takes and what it would refuse, by the ERP port's own
 * schema (`contactPatchSchema`): an email like `juan@empresa`, a name over 100 characters, notes
 * over 10,000. A refused field is left out of the write; from an email list only the refused emails
 * are, so the others still reach the ERP.
 *
 * @example checkErpContactChanges({ jobTitle: 'Jefe', emails: ['ana@x.es', 'juan@empresa'] }).accepted // { jobTitle: 'Jefe', emails: ['ana@x.es'] }
 */
export function checkErpContactChanges(changes: ErpContactChanges): { accepted: ErpContactChanges; refused: RefusedContactField[] } {
  const accepted: ErpContactChanges = {};
  const refused: RefusedContactField[] = [];
  for (const [field, value] of Object.entries(changes) as [ChangedField, ErpContactChanges[ChangedField]][]) {
    if (field === 'emails' && Array.isArray(value)) {
      const kept: string[] = [];
      for (const email of value) {
        const checked = emailSchema.safeParse(email);
        if (checked.success) kept.push(email);
        else refused.push({ field, value: email, reason: checked.error.issues[0]?.message ?? 'invalid' });
      }
      const limited = fieldSchemas.emails.safeParse(kept);
      if (limited.success) accepted.emails = kept;
      else refused.push({ field, value: kept.join(', '), reason: limited.error.issues[0]?.message ?? 'invalid' });
      continue;
    }
    const checked = fieldSchemas[field].safeParse(value);
    if (checked.success) Object.assign(accepted, { [field]: value });
    else refused.push({ field, value: asText(value), reason: checked.error.issues[0]?.message ?? 'invalid' });
  }
  return { accepted, refused };
}
