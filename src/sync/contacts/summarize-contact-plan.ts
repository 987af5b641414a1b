import type { ContactOperation, ContactOperationKind } from './contact-operation';
import type { ContactPlan } from './contact-plan';
import type { ContactPreviewSample, ContactSyncPreview } from './contact-sync-preview';

/** Operations of each kind a preview shows. */
const samplesPerKind = 5;

function sampleOf(operation: ContactOperation, displayNames: ReadonlyMap<string, string>): ContactPreviewSample {
  const displayName = displayNames.get(operation.erpId);
  const sample: ContactPreviewSample = { erpId: operation.erpId, ...(displayName === undefined ? {} : { displayName }) };
  switch (operation.kind) {
    case 'updateInErp':
    case 'updateInOutlook':
      return { ...sample, fields: Object.keys(operation.changes).sort() };
    case 'conflict':
      return { ...sample, fields: [operation.conflict.field] };
    case 'removeFromOutlook':
      return { ...sample, reason: operation.reason };
    case 'deduplicate':
    case 'adopt':
    case 'createInOutlook':
    case 'suppress':
    case 'saveLink':
    case 'unlink':
      return sample;
  }
}

/** A plan as the add-in's preview shows it: counts, and the first few operations of each kind with names. */
export function summarizeContactPlan(plan: ContactPlan, displayNames: ReadonlyMap<string, string>): ContactSyncPreview {
  const samples: Partial<Record<ContactOperationKind, ContactPreviewSample[]>> = {};
  for (const operation of plan.operations) {
    const list = (samples[operation.kind] ??= []);
    if (list.length < samplesPerKind) list.push(sampleOf(operation, displayNames));
  }
  return {
    counts: plan.counters,
    samples,
    heldRemovals: plan.heldRemovals.slice(0, samplesPerKind).map((operation) => sampleOf(operation, displayNames)),
    needsConfirmation: plan.needsConfirmation,
  };
}
