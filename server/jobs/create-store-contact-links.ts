import { syncedContactSchema, type SyncedContactField } from '../../src/domain/synced-contact';
import { syncedContactFields } from '../../src/domain/synced-contact-fields';
import type { ContactConflict } from '../../src/sync/contacts/contact-conflict';
import type { ContactLink } from '../../src/sync/contacts/contact-link';
import type { ContactLinkStore } from '../../src/sync/contacts/contact-link-store';
import type { ConflictRecord, LinkRecord, Store, UserKey } from '../store/store';
import { StoreError } from '../store/store-error';

const isSyncedField = (field: string): field is SyncedContactField => syncedContactFields.some((known) => known === field);

/** A stored link as the engine reads it: the snapshot parsed, so a bad row fails here and not in a merge. */
export function toContactLink(record: LinkRecord): ContactLink {
  const snapshot = syncedContactSchema.safeParse(record.snapshot);
  if (!snapshot.success) throw new StoreError('corrupt_record', `the snapshot of contact link ${record.erpId} does not match the synced fields`, { cause: snapshot.error });
  return { erpId: record.erpId, outlookId: record.outlookId, state: record.state, snapshot: snapshot.data, missedListings: record.missedListings, updatedAt: record.updatedAt };
}

function toContactConflict(record: ConflictRecord): ContactConflict | undefined {
  if (record.entity !== 'contact' || !isSyncedField(record.field)) return undefined;
  return {
    id: record.id, erpId: record.erpId, field: record.field, erpValue: record.erpValue, outlookValue: record.outlookValue, status: record.status,
    ...(record.resolution === undefined ? {} : { resolution: record.resolution }),
    createdAt: record.createdAt,
    ...(record.resolvedAt === undefined ? {} : { resolvedAt: record.resolvedAt }),
  };
}

/** One user's contact links and conflicts in the bridge store (or in one transaction of it). */
export function createStoreContactLinks(store: Pick<Store, 'links' | 'conflicts'>, user: UserKey): ContactLinkStore {
  return {
    async listLinks() {
      return (await store.links.listForUser(user, 'contact')).map(toContactLink);
    },
    saveLink: (link) => store.links.upsert({ user, entity: 'contact', ...link }),
    async removeLink(erpId) {
      await store.links.remove(user, 'contact', erpId);
    },
    async listConflicts() {
      return (await store.conflicts.listForUser(user)).flatMap((record) => toContactConflict(record) ?? []);
    },
    addConflict: (conflict) => store.conflicts.add({ ...conflict, user, entity: 'contact' }),
  };
}
