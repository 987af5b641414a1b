import { type SyncedContact, syncedContactSchema } from '../../src/domain/synced-contact';
import type { OutlookContact } from '../../src/sync/contacts/outlook-contact';
import type { OutlookContactChanges } from '../../src/sync/contacts/outlook-contact-changes';
import type { OutlookContactFolder } from '../../src/sync/contacts/outlook-contact-folder';
import { SyncError } from '../../src/sync/sync-error';
import type { FakeClock } from './fake-clock';

/** Fields Outlook has and the bridge does not sync (nickname, birthday, home phone…). */
export type OutlookOnlyFields = Record<string, string>;

type StoredContact = { contact: OutlookContact; outlookOnly: OutlookOnlyFields };

/** Parsed, so a plan that writes a wrong shape fails the test here. */
function applyChanges(fields: SyncedContact, changes: OutlookContactChanges): SyncedContact {
  const updated: Record<string, unknown> = { ...fields };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete updated[field];
    else updated[field] = structuredClone(value);
  }
  return syncedContactSchema.parse(updated);
}

/**
 * An in-memory contact folder with Graph's semantics that matter here: immutable ids, change keys
 * checked on writes, removal of a missing item is no failure, fields the bridge does not sync kept.
 */
export class FakeOutlookContactFolder implements OutlookContactFolder {
  private readonly items = new Map<string, StoredContact>();
  private created = 0;
  /** Makes writes to one item (or creates of one tag) fail, as Graph would answer. */
  failWith: (target: { outlookId?: string; tag?: string }) => SyncError | undefined = () => undefined;
  writes = 0;

  constructor(private readonly clock: FakeClock) {}

  /** An item already in the folder: ours (tagged) or the user's own. */
  seed(contact: OutlookContact, outlookOnly: OutlookOnlyFields = {}): void {
    this.items.set(contact.id, { contact: structuredClone(contact), outlookOnly: { ...outlookOnly } });
  }

  async listContacts(): Promise<OutlookContact[]> {
    return [...this.items.values()].map((item) => structuredClone(item.contact)).sort((left, right) => (left.id < right.id ? -1 : 1));
  }

  async createContact(fields: SyncedContact, tag: string): Promise<OutlookContact> {
    const failure = this.failWith({ tag });
    if (failure) throw failure;
    this.created += 1;
    const at = this.clock.now();
    const contact: OutlookContact = { id: `created-${this.created}`, changeKey: `ck-created-${this.created}-0`, tag, fields: structuredClone(fields), lastModifiedDateTime: at, createdDateTime: at };
    this.items.set(contact.id, { contact, outlookOnly: {} });
    this.writes += 1;
    return structuredClone(contact);
  }

  async updateContact(outlookId: string, changes: OutlookContactChanges, changeKey: string): Promise<OutlookContact> {
    const failure = this.failWith({ outlookId });
    if (failure) throw failure;
    const item = this.items.get(outlookId);
    if (item === undefined) throw new SyncError('not_found', `contact ${outlookId} is not in the folder`, { status: 404 });
    if (item.contact.changeKey !== changeKey) throw new SyncError('precondition_failed', `contact ${outlookId} changed since ${changeKey}`, { status: 412 });
    item.contact = { ...item.contact, fields: applyChanges(item.contact.fields, changes), changeKey: `${outlookId}-${this.writes + 1}`, lastModifiedDateTime: this.clock.now() };
    this.writes += 1;
    return structuredClone(item.contact);
  }

  async removeContact(outlookId: string, changeKey?: string): Promise<void> {
    const failure = this.failWith({ outlookId });
    if (failure) throw failure;
    const item = this.items.get(outlookId);
    if (item === undefined) return;
    if (changeKey !== undefined && item.contact.changeKey !== changeKey) {
      throw new SyncError('precondition_failed', `contact ${outlookId} changed since ${changeKey}`, { status: 412 });
    }
    this.items.delete(outlookId);
    this.writes += 1;
  }

  /** The user edits a contact in Outlook. */
  editInOutlook(outlookId: string, changes: OutlookContactChanges, outlookOnly: OutlookOnlyFields = {}): void {
    const item = this.require(outlookId);
    item.contact = { ...item.contact, fields: applyChanges(item.contact.fields, changes), changeKey: `${outlookId}-user-${this.clock.now()}`, lastModifiedDateTime: this.clock.now() };
    item.outlookOnly = { ...item.outlookOnly, ...outlookOnly };
  }

  /** The user deletes a contact in Outlook. */
  deleteInOutlook(outlookId: string): void {
    this.require(outlookId);
    this.items.delete(outlookId);
  }

  contact(outlookId: string): OutlookContact | undefined {
    const item = this.items.get(outlookId);
    return item && structuredClone(item.contact);
  }

  outlookOnly(outlookId: string): OutlookOnlyFields | undefined {
    return this.items.get(outlookId)?.outlookOnly;
  }

  /** The items carrying `tag`. */
  withTag(tag: string): OutlookContact[] {
    return [...this.items.values()].filter((item) => item.contact.tag === tag).map((item) => structuredClone(item.contact));
  }

  private require(outlookId: string): StoredContact {
    const item = this.items.get(outlookId);
    if (item === undefined) throw new Error(`the fake folder has no contact ${outlookId}`);
    return item;
  }
}
