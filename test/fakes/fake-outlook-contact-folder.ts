import { type SyncedContact, syncedContactSchema } from '../../src/domain/synced-contact';
import type { OutlookContact } from '../../src/sync/contacts/outlook-contact';
import type { OutlookContactChanges } from '../../src/sync/contacts/outlook-contact-changes';
import type { FolderDeltaRound, MoveAnswer, OutlookContactFolder, OutlookWrite, OutlookWriteAnswer } from '../../src/sync/contacts/outlook-contact-folder';
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

const deltaLinkPrefix = 'fake-delta:';

/**
 * An in-memory contact folder with Graph's semantics that matter here: immutable ids, change keys
 * checked on writes, removal of a missing item is no failure, fields the bridge does not sync kept,
 * and delta rounds that report what changed since their link.
 */
export class FakeOutlookContactFolder implements OutlookContactFolder {
  /** The mailbox's other folders, by id, that `moveIn` takes items from. */
  readonly siblings = new Map<string, FakeOutlookContactFolder>();
  private readonly items = new Map<string, StoredContact>();
  /** Each item's and each removal's place in the folder's change sequence. */
  private readonly changedAt = new Map<string, number>();
  private readonly removedAt = new Map<string, number>();
  private sequence = 0;
  private created = 0;
  /** Makes writes to one item (or creates of one tag) fail, as Graph would answer. */
  failWith: (target: { outlookId?: string; tag?: string }) => SyncError | undefined = () => undefined;
  writes = 0;

  constructor(
    private readonly clock: FakeClock,
    readonly folderId = 'fake-folder',
  ) {}

  /** An item already in the folder: ours (tagged) or the user's own. */
  seed(contact: OutlookContact, outlookOnly: OutlookOnlyFields = {}): void {
    this.items.set(contact.id, { contact: structuredClone(contact), outlookOnly: { ...outlookOnly } });
    this.touch(contact.id);
  }

  async listContacts<Listed = OutlookContact>(shrink?: (contact: OutlookContact) => Listed): Promise<(OutlookContact | Listed)[]> {
    const contacts = [...this.items.values()].map((item) => structuredClone(item.contact)).sort((left, right) => (left.id < right.id ? -1 : 1));
    return shrink ? contacts.map(shrink) : contacts;
  }

  async readChanges(deltaLink: string | undefined): Promise<FolderDeltaRound> {
    const since = deltaLink === undefined ? -1 : Number(deltaLink.startsWith(deltaLinkPrefix) ? deltaLink.slice(deltaLinkPrefix.length) : Number.NaN);
    if (!Number.isInteger(since)) throw new SyncError('cursor_expired', `${deltaLink} is not a delta link of this folder`, { status: 410 });
    const round: FolderDeltaRound = { changed: new Map(), removed: new Set(), deltaLink: `${deltaLinkPrefix}${this.sequence}` };
    for (const [id, at] of this.changedAt) if (at > since) round.changed.set(id, this.items.get(id)?.contact.changeKey ?? '');
    if (deltaLink !== undefined) for (const [id, at] of this.removedAt) if (at > since) round.removed.add(id);
    return round;
  }

  async write(writes: readonly OutlookWrite[]): Promise<OutlookWriteAnswer[]> {
    const answers: OutlookWriteAnswer[] = [];
    for (const write of writes) {
      try {
        if (write.kind === 'create') {
          const created = await this.createContact(write.fields, write.tag);
          answers.push({ ok: true, id: created.id, changeKey: created.changeKey });
        } else if (write.kind === 'update') {
          const updated = await this.updateContact(write.outlookId, write.changes, write.changeKey);
          answers.push({ ok: true, id: updated.id, changeKey: updated.changeKey });
        } else {
          await this.removeContact(write.outlookId, write.changeKey);
          answers.push({ ok: true });
        }
      } catch (error) {
        if (!(error instanceof SyncError)) throw error;
        answers.push({ ok: false, error });
      }
    }
    return answers;
  }

  async moveIn(fromFolderId: string, outlookIds: readonly string[]): Promise<MoveAnswer[]> {
    const from = this.siblings.get(fromFolderId);
    return outlookIds.map((outlookId): MoveAnswer => {
      const item = from?.items.get(outlookId);
      if (from === undefined || item === undefined) return { ok: true, gone: true };
      this.created += 1;
      const contact: OutlookContact = { ...structuredClone(item.contact), id: `moved-${this.created}`, changeKey: `ck-moved-${this.created}` };
      this.items.set(contact.id, { contact, outlookOnly: { ...item.outlookOnly } });
      this.touch(contact.id);
      from.forget(outlookId);
      return { ok: true, id: contact.id, changeKey: contact.changeKey };
    });
  }

  async recheck(outlookIds: readonly string[]): Promise<{ gone: string[]; found: OutlookContact[] }> {
    const found = outlookIds.flatMap((id) => this.contact(id) ?? []);
    return { gone: outlookIds.filter((id) => !this.items.has(id)), found };
  }

  private async createContact(fields: SyncedContact, tag: string): Promise<OutlookContact> {
    const failure = this.failWith({ tag });
    if (failure) throw failure;
    this.created += 1;
    const at = this.clock.now();
    const contact: OutlookContact = { id: `created-${this.created}`, changeKey: `ck-created-${this.created}-0`, tag, fields: structuredClone(fields), lastModifiedDateTime: at, createdDateTime: at };
    this.items.set(contact.id, { contact, outlookOnly: {} });
    this.touch(contact.id);
    this.writes += 1;
    return structuredClone(contact);
  }

  private async updateContact(outlookId: string, changes: OutlookContactChanges, changeKey: string): Promise<OutlookContact> {
    const failure = this.failWith({ outlookId });
    if (failure) throw failure;
    const item = this.items.get(outlookId);
    if (item === undefined) throw new SyncError('not_found', `contact ${outlookId} is not in the folder`, { status: 404 });
    if (item.contact.changeKey !== changeKey) throw new SyncError('precondition_failed', `contact ${outlookId} changed since ${changeKey}`, { status: 412 });
    item.contact = { ...item.contact, fields: applyChanges(item.contact.fields, changes), changeKey: `${outlookId}-${this.writes + 1}`, lastModifiedDateTime: this.clock.now() };
    this.touch(outlookId);
    this.writes += 1;
    return structuredClone(item.contact);
  }

  private async removeContact(outlookId: string, changeKey?: string): Promise<void> {
    const failure = this.failWith({ outlookId });
    if (failure) throw failure;
    const item = this.items.get(outlookId);
    if (item === undefined) return;
    if (changeKey !== undefined && item.contact.changeKey !== changeKey) {
      throw new SyncError('precondition_failed', `contact ${outlookId} changed since ${changeKey}`, { status: 412 });
    }
    this.forget(outlookId);
    this.writes += 1;
  }

  /** The user edits a contact in Outlook. */
  editInOutlook(outlookId: string, changes: OutlookContactChanges, outlookOnly: OutlookOnlyFields = {}): void {
    const item = this.require(outlookId);
    item.contact = { ...item.contact, fields: applyChanges(item.contact.fields, changes), changeKey: `${outlookId}-user-${this.clock.now()}`, lastModifiedDateTime: this.clock.now() };
    item.outlookOnly = { ...item.outlookOnly, ...outlookOnly };
    this.touch(outlookId);
  }

  /** The user deletes a contact in Outlook. */
  deleteInOutlook(outlookId: string): void {
    this.require(outlookId);
    this.forget(outlookId);
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

  private touch(outlookId: string): void {
    this.sequence += 1;
    this.changedAt.set(outlookId, this.sequence);
    this.removedAt.delete(outlookId);
  }

  private forget(outlookId: string): void {
    this.items.delete(outlookId);
    this.sequence += 1;
    this.changedAt.delete(outlookId);
    this.removedAt.set(outlookId, this.sequence);
  }

  private require(outlookId: string): StoredContact {
    const item = this.items.get(outlookId);
    if (item === undefined) throw new Error(`the fake folder has no contact ${outlookId}`);
    return item;
  }
}
