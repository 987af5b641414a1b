import type { SyncedContact, SyncedContactField } from '../../domain/synced-contact';
import { syncedContactFields } from '../../domain/synced-contact-fields';
import type { OutlookContactChanges } from './outlook-contact-changes';
import { sameFieldValue } from './same-field-value';

function setChange<Field extends SyncedContactField>(changes: OutlookContactChanges, field: Field, value: SyncedContact[Field]): void {
  changes[field] = value ?? null;
}

/** The synced fields whose value differs between the Outlook contact and its target (both normalized); `null` clears. */
export function diffOutlookFields(current: SyncedContact, target: SyncedContact): OutlookContactChanges {
  const changes: OutlookContactChanges = {};
  for (const field of syncedContactFields) {
    if (!sameFieldValue(current[field], target[field])) setChange(changes, field, target[field]);
  }
  return changes;
}
