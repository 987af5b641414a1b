import { syncedContactSchema, type SyncedContactField } from './synced-contact';

/** Every synced field, in one fixed order: plans, conflicts and hashes follow it. */
export const syncedContactFields: readonly SyncedContactField[] = syncedContactSchema.keyof().options;
