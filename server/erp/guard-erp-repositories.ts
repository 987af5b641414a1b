import type { AccountSearch, ActionSearch, ChangeFeed, ContactSearch, ErpActor, ErpPort, MailboxScope } from '../../src/domain/erp-port';
import type { ActionInput, ActionPatch, ContactInput, ContactPatch, ErpAccount, ErpAction, ErpContact, ErpUser } from '../../src/domain/erp-records';
import type { Page } from '../../src/domain/page';
import { guardErpCall } from './guard-erp-call';

/** What an adapter implements over its own database; the port's contract is the same for all of them. */
export interface ErpRepositories {
  ping(): Promise<unknown>;
  users: { findByEmail(email: string): Promise<ErpUser | undefined>; get(id: string): Promise<ErpUser | undefined> };
  contacts: {
    search(search: ContactSearch): Promise<Page<ErpContact>>;
    get(id: string): Promise<ErpContact | undefined>;
    create(input: ContactInput, actor: ErpActor): Promise<ErpContact>;
    update(id: string, patch: ContactPatch, actor: ErpActor): Promise<ErpContact>;
    changes(cursor: string | undefined, limit: number, mailbox?: MailboxScope): Promise<ChangeFeed<ErpContact>>;
  };
  accounts: { search(search: AccountSearch): Promise<Page<ErpAccount>>; get(id: string): Promise<ErpAccount | undefined> };
  actions: {
    list(search: ActionSearch): Promise<Page<ErpAction>>;
    get(id: string): Promise<ErpAction | undefined>;
    create(input: ActionInput, actor: ErpActor, options?: { sourceKey?: string }): Promise<ErpAction>;
    findBySourceKey(sourceKey: string): Promise<ErpAction | undefined>;
    update(id: string, patch: ActionPatch, actor: ErpActor): Promise<ErpAction>;
    changes(cursor: string | undefined, limit: number, mailbox?: MailboxScope): Promise<ChangeFeed<ErpAction>>;
  };
}

/**
 * The port's operations over an adapter's repositories, each guarded so that whatever fails
 * leaves the adapter as an `ErpError` naming what it was doing.
 * @example return { kind: 'sql', ...guardErpRepositories({ ping, users, contacts, accounts, actions }), close };
 */
export function guardErpRepositories({ ping, users, contacts, accounts, actions }: ErpRepositories): Omit<ErpPort, 'kind' | 'close'> {
  return {
    ping: () => guardErpCall('answer', async () => void (await ping())),
    findUserByEmail: (email) => guardErpCall('find the user', () => users.findByEmail(email)),
    getUser: (id) => guardErpCall('read the user', () => users.get(id)),
    searchContacts: (search) => guardErpCall('search contacts', () => contacts.search(search)),
    getContact: (id) => guardErpCall('read the contact', () => contacts.get(id)),
    createContact: (input, actor) => guardErpCall('create the contact', () => contacts.create(input, actor)),
    updateContact: (id, patch, actor) => guardErpCall('update the contact', () => contacts.update(id, patch, actor)),
    contactChanges: (cursor, limit, mailbox) => guardErpCall('list contact changes', () => contacts.changes(cursor, limit, mailbox)),
    searchAccounts: (search) => guardErpCall('search accounts', () => accounts.search(search)),
    getAccount: (id) => guardErpCall('read the account', () => accounts.get(id)),
    listActions: (search) => guardErpCall('list actions', () => actions.list(search)),
    getAction: (id) => guardErpCall('read the action', () => actions.get(id)),
    createAction: (input, actor, options) => guardErpCall('create the action', () => actions.create(input, actor, options)),
    findActionBySourceKey: (sourceKey) => guardErpCall('find the logged action', () => actions.findBySourceKey(sourceKey)),
    updateAction: (id, patch, actor) => guardErpCall('update the action', () => actions.update(id, patch, actor)),
    actionChanges: (cursor, limit, mailbox) => guardErpCall('list action changes', () => actions.changes(cursor, limit, mailbox)),
  };
}
