import { parseErpTag } from '../../domain/parse-erp-tag';
import type { ContactLink } from './contact-link';
import type { ContactSyncPreview } from './contact-sync-preview';
import type { ContactSyncStore } from './contact-sync-store';
import type { ErpContactSource } from './erp-contact-source';
import { emptyPlanCounters } from './empty-plan-counters';
import { listFolderContacts } from './list-folder-contacts';
import type { OutlookContactFolder } from './outlook-contact-folder';
import { planContactChanges } from './plan-contact-changes';
import { readErpContactFeed } from './read-erp-contact-feed';
import { resolvePendingCreates } from './resolve-pending-creates';
import type { ContactSyncSettings } from './run-contact-sync';
import { summarizeContactPlan } from './summarize-contact-plan';

export interface PreviewContactSyncDeps {
  store: Pick<ContactSyncStore, 'readSaved' | 'forEachLink' | 'listConflicts'>;
  folder: Pick<OutlookContactFolder, 'listContacts' | 'recheck'>;
  erp: Pick<ErpContactSource, 'listContactsInScope' | 'listContactChanges'>;
  now: () => Date;
  newId: () => string;
}

/**
 * What a run would do now, planned from full listings as a run does, with nothing written: Graph
 * and the ERP are only read, the store's links, conflicts and cursors stay as they are.
 */
export async function previewContactSync(settings: ContactSyncSettings, deps: PreviewContactSyncDeps): Promise<ContactSyncPreview> {
  const saved = await deps.store.readSaved();
  if (saved.folderChange !== undefined || (saved.state !== undefined && saved.state.folderId !== settings.folderId)) {
    // The run moves or leaves the synced contacts first; what it does after depends on how that goes.
    let contacts = 0;
    await deps.store.forEachLink((link) => void (link.state === 'active' && (contacts += 1)));
    return { counts: emptyPlanCounters(), samples: {}, heldRemovals: [], needsConfirmation: false, folderChange: { mode: saved.folderChange?.mode ?? settings.folderChange, contacts } };
  }
  const storedLinks: ContactLink[] = [];
  await deps.store.forEachLink(({ readSnapshot, ...link }) => storedLinks.push({ ...link, snapshot: readSnapshot() }));
  const feed = await readErpContactFeed(deps.erp, saved.erpFeed);
  const erpContacts = await deps.erp.listContactsInScope();
  const outlookContacts = await listFolderContacts(deps.folder, storedLinks, () => false);
  const plan = planContactChanges({
    environment: settings.environment,
    erpContacts,
    erpTombstones: feed.deletedIds,
    outlookContacts,
    links: resolvePendingCreates(storedLinks, outlookContacts, settings.environment).links,
    conflicts: await deps.store.listConflicts(),
    settings: { direction: settings.direction, policy: settings.policy },
    now: deps.now().toISOString(),
    newId: deps.newId,
  });
  const displayNames = new Map<string, string>();
  for (const contact of outlookContacts) {
    const tag = parseErpTag(contact.tag);
    if (tag?.environment === settings.environment && contact.fields.displayName) displayNames.set(tag.erpId, contact.fields.displayName);
  }
  for (const contact of erpContacts) displayNames.set(contact.id, contact.displayName);
  return summarizeContactPlan(plan, displayNames);
}
