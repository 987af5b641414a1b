import type { SyncedContact } from '../../domain/synced-contact';
import { syncedContactFields } from '../../domain/synced-contact-fields';

/** Equal JSON values, as `sameFieldValue` compares them, without building the JSON text. */
function sameJsonValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) || Array.isArray(right)) {
    return Array.isArray(left) && Array.isArray(right) && left.length === right.length && left.every((item, index) => sameJsonValue(item, right[index]));
  }
  const leftEntries = Object.entries(left).filter(([, value]) => value !== undefined);
  const rightMembers = new Map(Object.entries(right).filter(([, value]) => value !== undefined));
  return leftEntries.length === rightMembers.size && leftEntries.every(([key, value]) => rightMembers.has(key) && sameJsonValue(value, rightMembers.get(key)));
}

/**
 * Every synced field equal (both sides normalized), categories left out when `withCategories` is
 * false. Most contacts of a run are in step: this tells so without the merge's per-field JSON.
 */
export function sameSyncedContact(left: SyncedContact, right: SyncedContact, withCategories: boolean): boolean {
  return syncedContactFields.every((field) => (field === 'categories' && !withCategories) || sameJsonValue(left[field], right[field]));
}
