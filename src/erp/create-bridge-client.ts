import type { TokenSource } from '../auth/token-source';
import type { ErpAccount, ErpAction, ErpContact } from '../domain/erp-records';
import type { Page } from '../domain/page';
import type { SyncSettings } from '../domain/sync-settings';
import type { BridgeClient } from './bridge-client';
import type { AdminUser, LogResult, LogStatus, Me } from './bridge-types';
import { type BridgePacing, createBridgeRequest } from './create-bridge-request';

const searchLimit = 20;

/**
 * The browser client of the bridge API, authenticated by the token source.
 * @example const bridge = createBridgeClient({ baseUrl: location.origin, tokens, fetch: window.fetch.bind(window) });
 */
export function createBridgeClient(options: { baseUrl: string; tokens: TokenSource; fetch: typeof fetch; pacing?: BridgePacing }): BridgeClient {
  const request = createBridgeRequest(options.baseUrl, options.tokens, options.fetch, options.pacing);
  const id = encodeURIComponent;
  const items = async <T>(page: Promise<Page<T>>) => (await page).items;
  const status = async (answer: Promise<{ logged: boolean; actionId?: string; loggedAt?: string; markedPrivate?: boolean }>): Promise<LogStatus> => {
    const { logged, actionId, loggedAt, markedPrivate } = await answer;
    if (logged && actionId && loggedAt) return { logged: true, actionId, loggedAt };
    // The bridge names no action it keeps from this user: logged, privately, by someone else.
    if (logged) return { logged: true, hidden: true };
    return markedPrivate === undefined ? { logged: false } : { logged: false, markedPrivate };
  };

  return {
    me: () => request<Me>({ path: '/api/me' }),
    getSettings: () => request<SyncSettings>({ path: '/api/me/settings' }),
    putSettings: (settings) => request<SyncSettings>({ method: 'PUT', path: '/api/me/settings', body: settings }),
    findContactsByEmail: (email) => items(request<Page<ErpContact>>({ path: '/api/contacts', query: { email, limit: searchLimit } })),
    searchContacts: (text) => items(request<Page<ErpContact>>({ path: '/api/contacts', query: { q: text, limit: searchLimit } })),
    getContact: (contactId) => request<ErpContact>({ path: `/api/contacts/${id(contactId)}` }),
    createContact: (input) => request<ErpContact>({ method: 'POST', path: '/api/contacts', body: input }),
    updateContact: (contactId, changes) => request<ErpContact>({ method: 'PATCH', path: `/api/contacts/${id(contactId)}`, body: changes }),
    contactActions: (contactId, limit) => items(request<Page<ErpAction>>({ path: `/api/contacts/${id(contactId)}/actions`, query: { limit } })),
    searchAccounts: (text) => items(request<Page<ErpAccount>>({ path: '/api/accounts', query: { q: text, limit: searchLimit } })),
    getAccount: (accountId) => request<ErpAccount>({ path: `/api/accounts/${id(accountId)}` }),
    accountActions: (accountId, limit) => items(request<Page<ErpAction>>({ path: `/api/accounts/${id(accountId)}/actions`, query: { limit } })),
    createAction: (input) => request<ErpAction>({ method: 'POST', path: '/api/actions', body: input }),
    updateAction: (actionId, changes) => request<ErpAction>({ method: 'PATCH', path: `/api/actions/${id(actionId)}`, body: changes }),
    logEmail: (input) => request<LogResult>({ method: 'POST', path: '/api/log/email', body: input }),
    emailLogStatus: (internetMessageId) => status(request({ path: '/api/log/email', query: { internetMessageId } })),
    logMeeting: (input) => request<LogResult>({ method: 'POST', path: '/api/log/meeting', body: input }),
    meetingLogStatus: (meeting) => status(request({ path: '/api/log/meeting', query: { ...meeting } })),
    adminUsers: () => items(request<{ items: AdminUser[] }>({ path: '/api/admin/users' })),
  };
}
