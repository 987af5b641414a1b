import type { ContactOperation, ContactOperationKind } from './contact-operation';

/** How many operations of each kind, every kind present (0 when none). */
export function countContactOperations(operations: readonly ContactOperation[]): Record<ContactOperationKind, number> {
  const counts: Record<ContactOperationKind, number> = {
    deduplicate: 0,
    adopt: 0,
    createInOutlook: 0,
    updateInErp: 0,
    updateInOutlook: 0,
    removeFromOutlook: 0,
    suppress: 0,
    conflict: 0,
    saveLink: 0,
    unlink: 0,
  };
  for (const operation of operations) counts[operation.kind] += 1;
  return counts;
}
