import type { SyncedContact, SyncedContactField } from '../../domain/synced-contact';

/**
 * The synced fields a PATCH changes, and only those: `null` clears a field, `[]` clears the emails.
 * A field left out is not touched, nor is any field the bridge does not sync.
 */
export type OutlookContactChanges = { [Field in SyncedContactField]?: NonNullable<SyncedContact[Field]> | null };
