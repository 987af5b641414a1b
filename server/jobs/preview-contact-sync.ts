import { parseErpTag } from '../../src/domain/parse-erp-tag';
import type { ErpContactSource } from '../../src/sync/contacts/erp-contact-source';
import { planContactChanges } from '../../src/sync/contacts/plan-contact-changes';
import type { Store } from '../store/store';
import type { ContactSyncPreview } from './contact-sync-service';
import type { ContactSyncTarget } from './contact-sync-target';
import { createStoreContactLinks, toContactLink } from './create-store-contact-links';
import type { GraphContactFolder } from './graph-contact-folder';
import { listFolderContacts } from './list-folder-contacts';
import { readContactCursors } from './read-contact-cursors';
import { readErpContactFeed } from './read-erp-contact-feed';
import { resolvePendingCreates } from './resolve-pending-creates';
import { summarizeContactPlan } from './summarize-contact-plan';

export interface PreviewContactSyncDeps {
  store: Store;
  folder: Pick<GraphContactFolder, 'listContacts' | 'recheck'>;
  erp: Pick<ErpContactSource, 'listContactsInScope' | 'listContactChanges'>;
  now: () => Date;
  newId: () => string;
}

/**
 * What a run would do now, planned from full listings as a run does, with nothing written: Graph
 * and the ERP are only read, the store's links, conflicts and cursors stay as they are.
 */
export async function previewContactSync(target: ContactSyncTarget, deps: PreviewContactSyncDeps): Promise<ContactSyncPreview> {
  const saved = await readContactCursors(deps.store, target.user);
  const sameFolder = saved.state === undefined || saved.state.folderId === target.folderId;
  // A run forgets the links of another folder first; so does the preview, without saving it.
  const storedLinks = sameFolder ? await deps.store.links.listForUser(target.user, 'contact') : [];
  const feed = await readErpContactFeed(deps.erp, sameFolder ? saved.erpFeed : undefined);
  const erpContacts = await deps.erp.listContactsInScope();
  const outlookContacts = await listFolderContacts(deps.folder, storedLinks, () => false);
  const linkRecords = resolvePendingCreates(storedLinks, outlookContacts, target.environment).links;
  const plan = planContactChanges({
    environment: target.environment,
    erpContacts,
    erpTombstones: feed.deletedIds,
    outlookContacts,
    links: linkRecords.map(toContactLink),
    conflicts: await createStoreContactLinks(deps.store, target.user).listConflicts(),
    settings: { direction: target.direction, policy: target.policy },
    now: deps.now().toISOString(),
    newId: deps.newId,
  });
  const displayNames = new Map<string, string>();
  for (const contact of outlookContacts) {
    const tag = parseErpTag(contact.tag);
    if (tag?.environment === target.environment && contact.fields.displayName) displayNames.set(tag.erpId, contact.fields.displayName);
  }
  for (const contact of erpContacts) displayNames.set(contact.id, contact.displayName);
  return summarizeContactPlan(plan, displayNames);
}
