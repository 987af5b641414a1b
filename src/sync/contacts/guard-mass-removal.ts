import type { ContactOperation } from './contact-operation';

type RemoveOperation = Extract<ContactOperation, { kind: 'removeFromOutlook' }>;

/** DESIGN §5: a run that would remove more than this share of the mailbox's synced items asks first. */
export const massRemovalShare = 0.2;

/**
 * Splits removals into those that may run and those held for the user's confirmation. Confirmed
 * removals always run; the others run only while they stay within 20% of `linkedBefore` (the
 * records linked to a copy before the run, so the run's own creates do not dilute it), else all of
 * them wait. A removal an earlier run held (`heldBefore`) waits for the user even once the share has
 * shrunk, say because that run's creates grew the folder: a question asked is not dropped unanswered.
 */
export function guardMassRemoval(
  removals: readonly RemoveOperation[],
  linkedBefore: number,
  confirmedErpIds: ReadonlySet<string>,
  heldBefore: ReadonlySet<string> = new Set(),
): { allowed: RemoveOperation[]; held: RemoveOperation[] } {
  const confirmed = removals.filter((operation) => confirmedErpIds.has(operation.erpId));
  const unconfirmed = removals.filter((operation) => !confirmedErpIds.has(operation.erpId));
  const stillAsked = unconfirmed.some((operation) => heldBefore.has(operation.erpId));
  if (!stillAsked && unconfirmed.length <= linkedBefore * massRemovalShare) return { allowed: [...removals], held: [] };
  return { allowed: confirmed, held: unconfirmed };
}
