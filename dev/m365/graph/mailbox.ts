import { CalendarStore } from './calendar-store';
import type { ContactFolderRecord, ContactInput, ContactRecord } from './contact-record';
import { DeltaTokenStore } from './delta-token-store';
import { FolderChangeLog } from './folder-change-log';
import { formatGraphDateTime } from './format-graph-date-time';
import { GraphError, itemNotFound } from './graph-error';
import { type MailboxChange, MailboxChangeFeed } from './mailbox-change-feed';
import { MailboxIdFactory } from './mailbox-id-factory';
import { TodoStore } from './todo-store';

export interface MailboxUser {
  id: string;
  tenantId: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string;
}

export interface MailboxOptions {
  now: () => number;
  deltaTokenCapacity: number;
  /** Told of every write to a contact, event or task (change notifications listen here). */
  onChange?: (mailbox: Mailbox, change: MailboxChange) => void;
}

/**
 * One user's mailbox. Contacts live here: the folder tree under the default Contacts folder, the
 * contacts, and the change log their delta rounds read. Calendars and To Do are `calendar` and
 * `todo`. Every write bumps the mailbox sequence and is published on `feed`.
 */
export class Mailbox {
  readonly defaultFolderId: string;
  readonly changeLog = new FolderChangeLog();
  readonly deltaTokens: DeltaTokenStore;
  readonly ids: MailboxIdFactory;
  readonly feed: MailboxChangeFeed;
  readonly calendar: CalendarStore;
  readonly todo: TodoStore;
  private readonly folders = new Map<string, ContactFolderRecord>();
  private readonly contacts = new Map<string, ContactRecord>();
  private readonly immutableIdByRestId = new Map<string, string>();

  constructor(
    readonly user: MailboxUser,
    private readonly options: MailboxOptions,
  ) {
    this.ids = new MailboxIdFactory(user.id);
    this.deltaTokens = new DeltaTokenStore(options.deltaTokenCapacity);
    this.feed = new MailboxChangeFeed((change) => options.onChange?.(this, change));
    // The default folder hangs off the mailbox root, which Graph never exposes as a contact folder.
    const rootId = this.ids.folderId();
    this.defaultFolderId = this.ids.folderId();
    this.folders.set(this.defaultFolderId, { id: this.defaultFolderId, displayName: 'Contacts', parentFolderId: rootId });
    const shared = { ids: this.ids, feed: this.feed, now: options.now, deltaTokenCapacity: options.deltaTokenCapacity };
    this.calendar = new CalendarStore({ ...shared, owner: { name: user.displayName, address: user.mail } });
    this.todo = new TodoStore(shared);
  }

  get sequence(): number {
    return this.feed.sequence;
  }

  /** Forgets every delta token of the mailbox (contacts, calendar view, tasks); returns how many there were. */
  expireDeltaTokens(): number {
    return this.deltaTokens.expireAll() + this.calendar.deltaTokens.expireAll() + this.todo.deltaTokens.expireAll();
  }

  folder(folderId: string): ContactFolderRecord | undefined {
    return this.folders.get(folderId);
  }

  childFolders(parentFolderId: string): ContactFolderRecord[] {
    return [...this.folders.values()].filter((folder) => folder.parentFolderId === parentFolderId);
  }

  /** Exchange refuses a second folder with the same name (ignoring case) under one parent. */
  createFolder(parentFolderId: string, displayName: string): ContactFolderRecord {
    this.requireFolder(parentFolderId);
    this.refuseDuplicateName(parentFolderId, displayName);
    const folder = { id: this.ids.folderId(), displayName, parentFolderId };
    this.folders.set(folder.id, folder);
    return folder;
  }

  renameFolder(folderId: string, displayName: string): ContactFolderRecord {
    const folder = this.requireFolder(folderId);
    if (folder.displayName.toLowerCase() !== displayName.toLowerCase()) this.refuseDuplicateName(folder.parentFolderId, displayName);
    folder.displayName = displayName;
    return folder;
  }

  /** Deleting a folder deletes its contacts and child folders, as Outlook does. */
  deleteFolder(folderId: string): void {
    if (folderId === this.defaultFolderId) {
      throw new GraphError(403, 'ErrorDeleteDistinguishedFolder', 'Distinguished folders cannot be deleted.');
    }
    this.requireFolder(folderId);
    for (const child of this.childFolders(folderId)) this.deleteFolder(child.id);
    for (const contact of this.contactsIn(folderId)) this.deleteContact(contact);
    this.folders.delete(folderId);
    this.changeLog.forget(folderId);
  }

  /** Finds a contact by its REST id or its immutable id; Graph accepts both in URLs. */
  contact(id: string): ContactRecord | undefined {
    return this.contacts.get(this.immutableIdByRestId.get(id) ?? id);
  }

  /** Contacts of one folder in creation order. */
  contactsIn(folderId: string): ContactRecord[] {
    return [...this.contacts.values()].filter((contact) => contact.folderId === folderId);
  }

  allContacts(): ContactRecord[] {
    return [...this.contacts.values()];
  }

  createContact(folderId: string, input: ContactInput): ContactRecord {
    this.requireFolder(folderId);
    const sequence = this.nextSequence();
    const now = formatGraphDateTime(this.options.now());
    const fields = { ...input.fields };
    fields.displayName ??= displayNameFrom(fields.givenName, fields.middleName, fields.surname);
    const contact: ContactRecord = {
      immutableId: this.ids.immutableContactId(),
      restId: this.ids.restContactId(),
      folderId,
      fields,
      extendedProperties: new Map(input.extendedProperties.map(({ key, id, value }) => [key, { id, value }])),
      createdDateTime: now,
      lastModifiedDateTime: now,
      changeKey: this.ids.changeKey(),
    };
    this.contacts.set(contact.immutableId, contact);
    this.immutableIdByRestId.set(contact.restId, contact.immutableId);
    this.logChange(contact, sequence, 'created');
    return contact;
  }

  /** PATCH semantics: given properties replace the stored ones (complex values as a whole). */
  updateContact(contact: ContactRecord, input: ContactInput): ContactRecord {
    const sequence = this.nextSequence();
    Object.assign(contact.fields, input.fields);
    for (const { key, id, value } of input.extendedProperties) {
      contact.extendedProperties.set(key, { id: contact.extendedProperties.get(key)?.id ?? id, value });
    }
    contact.lastModifiedDateTime = formatGraphDateTime(this.options.now());
    contact.changeKey = this.ids.changeKey();
    this.logChange(contact, sequence, 'updated');
    return contact;
  }

  deleteContact(contact: ContactRecord): void {
    const sequence = this.nextSequence();
    this.contacts.delete(contact.immutableId);
    this.immutableIdByRestId.delete(contact.restId);
    this.logChange(contact, sequence, 'deleted');
  }

  /**
   * What a user does by dragging a contact to another folder in Outlook (Graph v1.0 has no move
   * action for contacts): the REST id changes, the immutable id stays.
   */
  moveContact(contact: ContactRecord, destinationFolderId: string): ContactRecord {
    this.requireFolder(destinationFolderId);
    if (destinationFolderId === contact.folderId) return contact;
    this.logChange(contact, this.nextSequence(), 'deleted');
    this.immutableIdByRestId.delete(contact.restId);
    contact.restId = this.ids.restContactId();
    contact.folderId = destinationFolderId;
    contact.changeKey = this.ids.changeKey();
    contact.lastModifiedDateTime = formatGraphDateTime(this.options.now());
    this.immutableIdByRestId.set(contact.restId, contact.immutableId);
    this.logChange(contact, this.nextSequence(), 'created');
    return contact;
  }

  requireFolder(folderId: string): ContactFolderRecord {
    const folder = this.folders.get(folderId);
    if (!folder) throw itemNotFound();
    return folder;
  }

  private refuseDuplicateName(parentFolderId: string, displayName: string): void {
    const taken = this.childFolders(parentFolderId).some(
      (sibling) => sibling.displayName.toLowerCase() === displayName.toLowerCase(),
    );
    if (taken) throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
  }

  private nextSequence(): number {
    return this.feed.next();
  }

  /** A move is published as a delete from the old folder and a create in the new one. */
  private logChange(contact: ContactRecord, sequence: number, changeType: 'created' | 'updated' | 'deleted'): void {
    this.changeLog.append(contact.folderId, { sequence, itemKey: contact.immutableId, restId: contact.restId });
    this.feed.publish({
      kind: 'contact',
      containerId: contact.folderId,
      itemId: contact.restId,
      immutableId: contact.immutableId,
      changeType,
      ...(changeType === 'deleted' ? {} : { changeKey: contact.changeKey }),
    });
  }
}

/** Exchange fills in a display name from the name parts when the client sends none. */
function displayNameFrom(...parts: readonly (string | null | undefined)[]): string | null {
  const name = parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' ');
  return name === '' ? null : name;
}
