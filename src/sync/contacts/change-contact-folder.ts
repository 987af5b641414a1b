import { parseErpTag } from '../../domain/parse-erp-tag';
import { isUntouchedCopy } from './choose-kept-copy';
import type { ContactLink } from './contact-link';
import type { ContactItemFailure } from './contact-run-report';
import type { ContactSyncStore, FolderChange } from './contact-sync-store';
import type { OutlookContact } from './outlook-contact';
import type { OutlookContactFolder } from './outlook-contact-folder';
import { pendingCreateId } from './resolve-pending-creates';

/** Contacts moved per round: each round's links are saved before the next one leaves. */
const moveRound = 100;

/** What a change of contact folder did, in the run's report. */
export interface FolderChangeReport {
  mode: FolderChange['mode'];
  /** Contacts now in the new folder. */
  moved: number;
  /** Contacts left in the old folder, no longer synced. */
  left: number;
  /** Contacts no longer in the old folder (the user deleted or moved them): the new folder gets them afresh. */
  missing: number;
  failures: ContactItemFailure[];
}

/**
 * Carries a mailbox's contact sync from one folder to another, once the old folder's pending
 * edits are synced. `move` brings every linked contact along, whole (its Outlook-only fields too),
 * keeping its link and merge base; `leave` leaves the copies where they are, no longer synced, and
 * the new folder gets new ones. Either way the contacts the user deleted in Outlook stay
 * suppressed. Links are saved after each round of moves, and the change itself only once every
 * contact is across, so a run killed midway goes on where it stopped.
 */
export async function changeContactFolder(
  change: FolderChange,
  deps: { store: ContactSyncStore; folder: OutlookContactFolder; environment: string; now: () => Date },
): Promise<FolderChangeReport> {
  const report: FolderChangeReport = { mode: change.mode, moved: 0, left: 0, missing: 0, failures: [] };
  // What an earlier, interrupted run already brought across, by ERP id.
  const across = new Map<string, Pick<OutlookContact, 'id' | 'createdDateTime' | 'lastModifiedDateTime'>>();
  if (change.mode === 'move') {
    await deps.folder.listContacts(({ id, tag, createdDateTime, lastModifiedDateTime }) => {
      const key = parseErpTag(tag);
      if (key?.environment === deps.environment) across.set(key.erpId, { id, lastModifiedDateTime, ...(createdDateTime === undefined ? {} : { createdDateTime }) });
      return { id };
    });
  }
  const inOldFolder: Omit<ContactLink, 'snapshot'>[] = [];
  const relinked: { erpId: string; outlookId: string }[] = [];
  // Untouched copies an interrupted move made: the original, where it is still there, is copied again (it may be newer) and they go.
  const staleCopies = new Map<string, string>();
  await deps.store.forEachLink(({ readSnapshot: _snapshot, ...link }) => {
    if (link.state !== 'active') return;
    const copy = across.get(link.erpId);
    if (copy?.id === link.outlookId) return;
    // A copy the user has edited since it was made is kept and linked; an untouched one is made again from the original, which may be newer.
    if (copy !== undefined && !isUntouchedCopy(copy)) relinked.push({ erpId: link.erpId, outlookId: copy.id });
    else {
      if (copy !== undefined) staleCopies.set(link.erpId, copy.id);
      inOldFolder.push(link);
    }
  });

  if (change.mode === 'leave') {
    await deps.store.transaction(async (tx) => {
      for (const link of inOldFolder) await tx.links.removeLink(link.erpId);
      await tx.endFolderChange(change.toFolderId);
    });
    report.left = inOldFolder.length;
    return report;
  }

  if (relinked.length) {
    const updatedAt = deps.now().toISOString();
    const links = await deps.store.readLinks(relinked.map((link) => link.erpId));
    await deps.store.transaction(async (tx) => {
      for (const link of links) await tx.links.saveLink({ ...link, outlookId: relinked.find((each) => each.erpId === link.erpId)?.outlookId ?? link.outlookId, updatedAt });
    });
    report.moved += links.length;
  }
  for (let from = 0; from < inOldFolder.length; from += moveRound) {
    const round = inOldFolder.slice(from, from + moveRound);
    // A create whose answer was lost has no item to move: the new folder's first run settles it.
    const movable = round.filter((link) => link.outlookId !== pendingCreateId);
    const answers = await deps.folder.moveIn(change.fromFolderId, movable.map((link) => link.outlookId));
    const updatedAt = deps.now().toISOString();
    const linked = await deps.store.readLinks(round.map((link) => link.erpId));
    const byErpId = new Map(linked.map((link) => [link.erpId, link]));
    await deps.store.transaction(async (tx) => {
      for (const link of round.filter((candidate) => candidate.outlookId === pendingCreateId)) {
        await tx.links.removeLink(link.erpId);
        report.missing += 1;
      }
      for (const [index, answer] of answers.entries()) {
        const link = byErpId.get(movable[index]?.erpId ?? '');
        if (link === undefined) continue;
        if (!answer.ok) {
          report.failures.push({ erpId: link.erpId, operation: 'moveToFolder', code: answer.error.code, message: answer.error.message });
        } else if ('gone' in answer) {
          // The original's earlier move went through: its copy here is the contact.
          const copyId = staleCopies.get(link.erpId);
          staleCopies.delete(link.erpId);
          if (copyId === undefined) {
            await tx.links.removeLink(link.erpId);
            report.missing += 1;
          } else {
            await tx.links.saveLink({ ...link, outlookId: copyId, updatedAt });
            report.moved += 1;
          }
        } else {
          await tx.links.saveLink({ ...link, outlookId: answer.id, updatedAt });
          report.moved += 1;
        }
      }
    });
  }
  const superseded = [...staleCopies];
  if (superseded.length) {
    const removed = await deps.folder.write(superseded.map(([, outlookId]) => ({ kind: 'remove', outlookId })));
    for (const [index, answer] of removed.entries()) {
      if (!answer.ok) report.failures.push({ erpId: superseded[index]?.[0] ?? '', operation: 'moveToFolder', code: answer.error.code, message: answer.error.message });
    }
  }
  if (report.failures.length === 0) await deps.store.transaction((tx) => tx.endFolderChange(change.toFolderId));
  return report;
}
