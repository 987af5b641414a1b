import type { Address } from '../../domain/erp-records';
import { sameFieldValue } from './same-field-value';

const addressParts = ['street', 'city', 'state', 'postalCode', 'countryOrRegion'] as const;

export type AddressMerge = {
  /** Each part from the side that changed it; a part both sides changed differently from `pick`. */
  merged: Address | undefined;
  /** True when some part was changed on both sides to different values. */
  conflicting: boolean;
};

/** Absent parts are missing keys, and an address without parts is no address, as `normalizeSyncedContact` has it. */
function present(address: Address): Address | undefined {
  const parts = Object.fromEntries(Object.entries(address).filter(([, value]) => value !== undefined));
  return Object.keys(parts).length ? parts : undefined;
}

/**
 * Three-way merge of an address part by part: the ERP changing the street while Outlook changes
 * the city keeps both edits. A part changed on both sides to different values takes `pick`'s side.
 *
 * @example mergeAddressParts({ street: 'A', city: 'X' }, { street: 'B', city: 'X' }, { street: 'A', city: 'Y' }, 'erp').merged // { street: 'B', city: 'Y' }
 */
export function mergeAddressParts(base: Address | undefined, erp: Address | undefined, outlook: Address | undefined, pick: 'erp' | 'outlook'): AddressMerge {
  const merged: Address = {};
  let conflicting = false;
  for (const part of addressParts) {
    const [was, erpValue, outlookValue] = [base?.[part], erp?.[part], outlook?.[part]];
    let value: string | undefined;
    if (sameFieldValue(erpValue, outlookValue) || sameFieldValue(outlookValue, was)) value = erpValue;
    else if (sameFieldValue(erpValue, was)) value = outlookValue;
    else {
      conflicting = true;
      value = pick === 'erp' ? erpValue : outlookValue;
    }
    merged[part] = value;
  }
  return { merged: present(merged), conflicting };
}
