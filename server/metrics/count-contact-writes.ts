import { ErpError } from '../../src/domain/erp-port';
import type { ErpContactSource } from '../../src/sync/contacts/erp-contact-source';
import type { OutlookContactFolder } from '../../src/sync/contacts/outlook-contact-folder';
import { isRunLevelFailure } from '../../src/sync/is-run-level-failure';
import { SyncError } from '../../src/sync/sync-error';
import type { BridgeMetrics } from './create-bridge-metrics';

type Counting = Pick<BridgeMetrics, 'countWritten' | 'countItemFailure'>;

/** The ports of one mailbox's contact sync that write. */
export interface ContactWritePorts {
  folder: OutlookContactFolder;
  folderFor(folderId: string): OutlookContactFolder;
  erp: ErpContactSource;
}

/** A failure the engine keeps as one item's (a run-level one is counted with the run). */
function itemFailureCode(error: unknown) {
  return (error instanceof SyncError || error instanceof ErpError) && !isRunLevelFailure(error.code) ? error.code : undefined;
}

function countingFolder(folder: OutlookContactFolder, metrics: Counting): OutlookContactFolder {
  return {
    folderId: folder.folderId,
    listContacts: (shrink) => folder.listContacts(shrink),
    readChanges: (deltaLink) => folder.readChanges(deltaLink),
    moveIn: (fromFolderId, outlookIds) => folder.moveIn(fromFolderId, outlookIds),
    recheck: (outlookIds) => folder.recheck(outlookIds),
    async write(writes) {
      let answers;
      try {
        answers = await folder.write(writes);
      } catch (error) {
        // A round that failed as a whole fails each of its writes, unless it stops the run.
        const code = itemFailureCode(error);
        if (code) for (let index = 0; index < writes.length; index += 1) metrics.countItemFailure('contacts', code);
        throw error;
      }
      answers.forEach((answer, index) => {
        const write = writes[index];
        if (write === undefined) return;
        if (answer.ok) return metrics.countWritten('contacts', 'outlook', write.kind);
        const code = itemFailureCode(answer.error);
        if (code) metrics.countItemFailure('contacts', code);
      });
      return answers;
    },
  };
}

/**
 * The same ports, counting what reaches each side: Outlook creates, updates and removals as Graph
 * accepted them, ERP updates as the ERP accepted them, and each item that failed by its code. The
 * moves of a folder change are not sync writes and are not counted.
 */
export function countContactWrites<Ports extends ContactWritePorts>(ports: Ports, metrics: Counting): Ports {
  const { erp } = ports;
  return {
    ...ports,
    folder: countingFolder(ports.folder, metrics),
    folderFor: (folderId: string) => countingFolder(ports.folderFor(folderId), metrics),
    erp: {
      listContactsInScope: (shrink) => erp.listContactsInScope(shrink),
      listContactChanges: (cursor) => erp.listContactChanges(cursor),
      async updateContactFields(erpId, changes, version) {
        try {
          const updated = await erp.updateContactFields(erpId, changes, version);
          metrics.countWritten('contacts', 'erp', 'update');
          return updated;
        } catch (error) {
          const code = itemFailureCode(error);
          if (code) metrics.countItemFailure('contacts', code);
          throw error;
        }
      },
    },
  };
}
