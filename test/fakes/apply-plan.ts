import { ErpError } from '../../src/domain/erp-port';
import type { ContactLinkStore } from '../../src/sync/contacts/contact-link-store';
import type { ContactOperation } from '../../src/sync/contacts/contact-operation';
import type { ContactPlan } from '../../src/sync/contacts/contact-plan';
import type { ErpContactSource } from '../../src/sync/contacts/erp-contact-source';
import type { OutlookContactFolder } from '../../src/sync/contacts/outlook-contact-folder';
import { SyncError } from '../../src/sync/sync-error';

export type ContactSyncPorts = { erp: ErpContactSource; outlook: OutlookContactFolder; links: ContactLinkStore };

export type AppliedPlan = {
  applied: ContactOperation[];
  failed: { operation: ContactOperation; error: SyncError | ErpError }[];
  skipped: ContactOperation[];
};

async function applyOperation(operation: ContactOperation, ports: ContactSyncPorts): Promise<void> {
  switch (operation.kind) {
    case 'deduplicate':
      for (const duplicate of operation.remove) await ports.outlook.removeContact(duplicate.outlookId, duplicate.changeKey);
      return;
    case 'adopt':
    case 'suppress':
    case 'saveLink':
      return ports.links.saveLink(operation.link);
    case 'createInOutlook': {
      const created = await ports.outlook.createContact(operation.fields, operation.tag);
      return ports.links.saveLink({ ...operation.link, outlookId: created.id });
    }
    case 'updateInErp':
      await ports.erp.updateContactFields(operation.erpId, operation.changes, operation.version);
      return;
    case 'updateInOutlook':
      await ports.outlook.updateContact(operation.outlookId, operation.changes, operation.changeKey);
      return;
    case 'removeFromOutlook':
      await ports.outlook.removeContact(operation.outlookId, operation.changeKey);
      return ports.links.removeLink(operation.erpId);
    case 'conflict':
      return ports.links.addConflict(operation.conflict);
    case 'unlink':
      return ports.links.removeLink(operation.erpId);
  }
}

/**
 * The runner's rules, for tests only: operations run in plan order; the first failure of an ERP id
 * skips that id's later operations; failures of the boundaries are data, anything else is a bug.
 */
export async function applyPlan(plan: ContactPlan, ports: ContactSyncPorts): Promise<AppliedPlan> {
  const result: AppliedPlan = { applied: [], failed: [], skipped: [] };
  const failedIds = new Set<string>();
  for (const operation of plan.operations) {
    if (failedIds.has(operation.erpId)) {
      result.skipped.push(operation);
      continue;
    }
    try {
      await applyOperation(operation, ports);
      result.applied.push(operation);
    } catch (error) {
      if (!(error instanceof SyncError || error instanceof ErpError)) throw error;
      failedIds.add(operation.erpId);
      result.failed.push({ operation, error });
    }
  }
  return result;
}
