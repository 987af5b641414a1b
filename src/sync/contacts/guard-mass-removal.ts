import type { ContactOperation } from './contact-operation';

type RemoveOperation = Extract<ContactOperation, { kind: 'removeFromOutlook' }>;

/** DESIGN §5: a run that would remove more than this share of the mailbox's synced items asks first. */
export const massRemovalShare = 0.2;

/**
 * Splits removals into those that may run and those held for the user's confirmation. Confirmed
 * removals always run; the others run only while they stay within 20% of `syncedCount` (the synced
 * copies the mailbox holds or is about to hold), else all of them wait.
 */
export function guardMassRemoval(
  removals: readonly RemoveOperation[],
  syncedCount: number,
  confirmedErpIds: ReadonlySet<string>,
): { allowed: RemoveOperation[]; held: RemoveOperation[] } {
  const confirmed = removals.filter((operation) => confirmedErpIds.has(operation.erpId));
  const unconfirmed = removals.filter((operation) => !confirmedErpIds.has(operation.erpId));
  if (unconfirmed.length <= syncedCount * massRemovalShare) return { allowed: [...removals], held: [] };
  return { allowed: confirmed, held: unconfirmed };
}
