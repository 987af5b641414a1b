import type { SyncedContact, SyncedContactField } from '../../domain/synced-contact';

/** Writes one field of a contact being built; generic so each field keeps its own value type. */
export function setSyncedField<Field extends SyncedContactField>(contact: SyncedContact, field: Field, value: SyncedContact[Field]): void {
  contact[field] = value;
}
