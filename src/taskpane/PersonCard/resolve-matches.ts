import type { ErpContact } from '../../domain/erp-records';

export type Matches =
  | { status: 'matched'; contact: ErpContact; alternatives: ErpContact[] }
  | { status: 'several'; contacts: ErpContact[] }
  | { status: 'notInErp' };

/** One match opens at once; several wait for the user, unless they chose before (roaming settings). */
export function resolveMatches(contacts: ErpContact[], rememberedId: string | undefined): Matches {
  const [first] = contacts;
  if (!first) return { status: 'notInErp' };
  if (contacts.length === 1) return { status: 'matched', contact: first, alternatives: contacts };
  const remembered = contacts.find((contact) => contact.id === rememberedId);
  return remembered ? { status: 'matched', contact: remembered, alternatives: contacts } : { status: 'several', contacts };
}
