import { compareText } from './compare-text';
import type { ContactOperation, ContactOperationKind } from './contact-operation';

/** Within one ERP id: copies sorted out first, ERP before Outlook (a refused ERP write leaves Outlook alone), links last. */
const stepOrder: Record<ContactOperationKind, number> = {
  deduplicate: 0,
  adopt: 1,
  updateInErp: 2,
  updateInOutlook: 3,
  createInOutlook: 3,
  removeFromOutlook: 3,
  suppress: 3,
  conflict: 4,
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
