import type { ErpContact } from '../../../src/domain/erp-records';
import { timedContactFields } from '../../../src/domain/erp-records';
import { toCanonicalJson } from '../../../src/domain/to-canonical-json';

type FieldTimes = NonNullable<ErpContact['fieldUpdatedAt']>;

/**
 * The record's field times after a write: each field whose value the write changed gets `stamp`,
 * the others keep the time they had. What `newest` compares, field by field.
 */
export function stampChangedFields(before: ErpContact, after: ErpContact, stamp: string): FieldTimes {
  const times: FieldTimes = { ...before.fieldUpdatedAt };
  for (const field of timedContactFields) {
    if (toCanonicalJson(before[field]) !== toCanonicalJson(after[field])) times[field] = stamp;
  }
  return times;
}
