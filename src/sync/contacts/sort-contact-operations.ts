import { compareText } from './compare-text';
import type { ContactOperation, ContactOperationKind } from './contact-operation';

/**
 * Within one ERP id: copies sorted out first, conflicts recorded before any write (a run that dies
 * after overwriting the losing value still leaves it on record), ERP before Outlook (a refused ERP
 * write leaves Outlook alone), links last.
 */
const stepOrder: Record<ContactOperationKind, number> = {
  deduplicate: 0,
  adopt: 1,
  conflict: 2,
  updateInErp: 3,
  updateInOutlook: 4,
  createInOutlook: 4,
  removeFromOutlook: 4,
  suppress: 4,
  saveLink: 5,
  unlink: 5,
};

function detail(operation: ContactOperation): string {
  return operation.kind === 'conflict' ? operation.conflict.field : '';
}

/** Sorted by (erpId, step, conflict field): the same input always gives the same list. */
export function sortContactOperations(operations: readonly ContactOperation[]): ContactOperation[] {
  return [...operations].sort(
    (left, right) =>
      compareText(left.erpId, right.erpId) || stepOrder[left.kind] - stepOrder[right.kind] || compareText(detail(left), detail(right)),
  );
}
