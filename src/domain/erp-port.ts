import type { Page } from './page';
import type {
  ActionInput,
  ActionPatch,
  ContactInput,
  ContactPatch,
  ErpAccount,
  ErpAction,
  ErpContact,
  ErpUser,
} from './erp-records';

/**
 * The mailbox a listing is for. An adapter whose mapping gives each mailbox only some contacts
 * (those its ERP user owns) applies it; without it, a listing is of every contact.
 */
export interface MailboxScope {
  /** The mailbox's ERP user; a mailbox without one owns no contact. */
  erpUserId?: string;
}

export interface ContactSearch {
  /** Exact, case-insensitive, on every email of the contact. */
  email?: string;
  /** Prefix of given name, surname, display name or company name. */
  text?: string;
  accountId?: string;
  /** Only the contacts this mailbox syncs (see `MailboxScope`). */
  mailbox?: MailboxScope;
  cursor?: string;
  limit: number;
}

export interface AccountSearch {
  text?: string;
  cursor?: string;
  limit: number;
}

export interface ActionSearch {
  contactId?: string;
  accountId?: string;
  /** Only the actions this ERP user owns. */
  ownerId?: string;
  /** ERP user asking: private actions of other owners are left out. */
  viewerId?: string;
  cursor?: string;
  limit: number;
}

/** Changes since a cursor, oldest first, for the sync engine. */
export interface ChangeFeed<T> {
  items: T[];
  /** ERP ids deleted since the cursor. */
  deletedIds: string[];
  nextCursor: string;
  hasMore: boolean;
}

/** Who asks for a write, recorded by ERPs that keep an author. */
export interface ErpActor {
  erpUserId?: string;
  email: string;
}

/**
 * The only way to the ERP. Adapters: `demo` (embedded SQLite) and `sql` (mapped tables).
 * Reads return `undefined` for a missing record; writes throw `ErpError`.
 */
export interface ErpPort {
  readonly kind: string;
  ping(): Promise<void>;
  findUserByEmail(email: string): Promise<ErpUser | undefined>;
  getUser(id: string): Promise<ErpUser | undefined>;
  searchContacts(search: ContactSearch): Promise<Page<ErpContact>>;
  getContact(id: string): Promise<ErpContact | undefined>;
  createContact(input: ContactInput, actor: ErpActor): Promise<ErpContact>;
  updateContact(id: string, patch: ContactPatch, actor: ErpActor): Promise<ErpContact>;
  searchAccounts(search: AccountSearch): Promise<Page<ErpAccount>>;
  getAccount(id: string): Promise<ErpAccount | undefined>;
  listActions(search: ActionSearch): Promise<Page<ErpAction>>;
  getAction(id: string): Promise<ErpAction | undefined>;
  /**
   * `sourceKey`: the email or meeting the action logs (`<environment>:<item key>`), kept with it in
   * the ERP so a retried or taken-over log finds the action instead of creating a second one.
   */
  createAction(input: ActionInput, actor: ErpActor, options?: { sourceKey?: string }): Promise<ErpAction>;
  /** The action created with this `sourceKey`; `undefined` when none, or when the ERP keeps no such key. */
  findActionBySourceKey(sourceKey: string): Promise<ErpAction | undefined>;
  updateAction(id: string, patch: ActionPatch, actor: ErpActor): Promise<ErpAction>;
  /** With `mailbox`, changes of that mailbox's contacts; a contact that leaves its scope is in `deletedIds`. */
  contactChanges(cursor: string | undefined, limit: number, mailbox?: MailboxScope): Promise<ChangeFeed<ErpContact>>;
  /**
   * Actions changed since the cursor, oldest first. With `mailbox`, only those its ERP user owns (a
   * mailbox without one owns none): an action given to another owner, or deleted, since the cursor
   * is in `deletedIds` (which may also name actions the mailbox never had: ignore those), and shows
   * as a change in the new owner's feed. Without it, every action, deleted ones in `deletedIds`.
   */
  actionChanges(cursor: string | undefined, limit: number, mailbox?: MailboxScope): Promise<ChangeFeed<ErpAction>>;
  close(): Promise<void>;
}

export type ErpErrorCode = 'not_found' | 'conflict' | 'invalid_input' | 'erp_unavailable';

export class ErpError extends Error {
  override readonly name = 'ErpError';
  constructor(
    readonly code: ErpErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
