import type { ErpAccount, ErpAction, ErpContact } from '../../../../src/domain/erp-records';
import { findSettingsOutsidePolicy } from '../../../../src/domain/find-settings-outside-policy';
import type { SyncPolicy } from '../../../../src/domain/sync-policy';
import { defaultSyncSettings, type SyncSettings } from '../../../../src/domain/sync-settings';
import type { BridgeClient } from '../../../../src/erp/bridge-client';
import { BridgeError } from '../../../../src/erp/bridge-error';
import type { AdminUser, LogEmailInput, LogMeetingInput, LogResult, Me, MeetingReference } from '../../../../src/erp/bridge-types';
import { buildSyncPolicy } from '../../../builders/build-sync-policy';

export interface FakeBridgeData {
  contacts?: ErpContact[];
  accounts?: ErpAccount[];
  actions?: ErpAction[];
  settings?: SyncSettings;
  isAdmin?: boolean;
  /** Sync activated for the environment by its admin (default true). */
  syncActivated?: boolean;
  /** The environment's sync policy (default: everything allowed); settings outside it are refused, as the bridge does. */
  syncPolicy?: SyncPolicy;
  users?: AdminUser[];
  /** Event ids of meetings Outlook marks private or confidential, as the bridge reads them from Graph. */
  privateEventIds?: string[];
}

export interface FakeBridge extends BridgeClient {
  contacts: ErpContact[];
  actions: ErpAction[];
  settings: SyncSettings;
  loggedEmails: LogEmailInput[];
  loggedMeetings: LogMeetingInput[];
  createdContacts: unknown[];
  createdActions: unknown[];
}

const at = '2026-03-02T10:00:00.000Z';

/**
 * An in-memory bridge with the API's behaviour where the add-in relies on it: email lookup is
 * exact and case-insensitive, logging is idempotent per internetMessageId / iCalUId.
 */
export function createFakeBridge(data: FakeBridgeData = {}): FakeBridge {
  const accounts = data.accounts ?? [];
  const logs = new Map<string, LogResult>();
  let nextId = 100;
  const notFound = (what: string) => new BridgeError('not_found', `${what} not found`, 404);

  const log = (key: string, type: 'email' | 'meeting', subject: string, contactId: string | undefined, isPrivate = false): LogResult => {
    const existing = logs.get(key);
    if (existing) return { ...existing, alreadyLogged: true };
    const action: ErpAction = {
      id: `ACT-${(nextId += 1)}`, type, subject, allDay: false, timeZone: 'UTC', status: 'done', private: isPrivate,
      ...(contactId ? { contactId } : {}), updatedAt: at, version: 1,
    };
    const result = { action, alreadyLogged: false, loggedAt: at };
    logs.set(key, result);
    // The action is in the ERP from now on, as the contact's actions show it.
    bridge.actions.push(action);
    return result;
  };
  /** The bridge keys a meeting by its iCalUId; here the event id stands for it. */
  const meetingKey = (meeting: MeetingReference) => `meeting:${meeting.eventId ?? meeting.iCalUId ?? ''}`;

  const bridge: FakeBridge = {
    contacts: data.contacts ?? [],
    actions: data.actions ?? [],
    settings: data.settings ?? defaultSyncSettings,
    loggedEmails: [],
    loggedMeetings: [],
    createdContacts: [],
    createdActions: [],
    me: async (): Promise<Me> => ({
      user: { tenantId: 't', objectId: 'o', email: 'me@contoso.example', name: 'Íñigo Urrutia' },
      environment: { name: 'contoso', mode: 'delegated', syncActivated: data.syncActivated ?? true, syncPolicy: data.syncPolicy ?? buildSyncPolicy() },
      erpUser: null,
      isAdmin: data.isAdmin ?? false,
      settings: bridge.settings,
    }),
    getSettings: async () => bridge.settings,
    putSettings: async (settings) => {
      const refused = findSettingsOutsidePolicy(settings, data.syncPolicy ?? buildSyncPolicy());
      if (refused.length > 0) throw new BridgeError('invalid_input', `outside this environment's sync policy: ${refused.join('; ')}`, 400);
      return (bridge.settings = settings);
    },
    findContactsByEmail: async (email) => bridge.contacts.filter((contact) => contact.emails.some((own) => own.toLowerCase() === email.toLowerCase())),
    searchContacts: async (text) => bridge.contacts.filter((contact) => `${contact.displayName} ${contact.companyName ?? ''}`.toLowerCase().includes(text.toLowerCase())),
    getContact: async (id) => bridge.contacts.find((contact) => contact.id === id) ?? Promise.reject(notFound(`contact ${id}`)),
    createContact: async (input) => {
      bridge.createdContacts.push(input);
      const contact: ErpContact = {
        id: `C-${(nextId += 1)}`,
        displayName: [input.givenName, input.surname].filter(Boolean).join(' ') || (input.emails?.[0] ?? ''),
        ...input,
        emails: input.emails ?? [],
        updatedAt: at,
        version: 1,
      };
      bridge.contacts.push(contact);
      return contact;
    },
    updateContact: async (id) => bridge.getContact(id),
    contactActions: async (contactId, limit) => bridge.actions.filter((action) => action.contactId === contactId).slice(0, limit),
    searchAccounts: async (text) => accounts.filter((account) => account.name.toLowerCase().startsWith(text.toLowerCase())),
    getAccount: async (id) => accounts.find((account) => account.id === id) ?? Promise.reject(notFound(`account ${id}`)),
    accountActions: async (accountId, limit) => bridge.actions.filter((action) => action.accountId === accountId).slice(0, limit),
    createAction: async (input) => {
      bridge.createdActions.push(input);
      const action: ErpAction = { allDay: false, timeZone: 'UTC', status: 'planned', private: false, ...input, id: `ACT-${(nextId += 1)}`, updatedAt: at, version: 1 };
      bridge.actions.push(action);
      return action;
    },
    updateAction: async (id) => bridge.actions.find((action) => action.id === id) ?? Promise.reject(notFound(`action ${id}`)),
    logEmail: async (input) => {
      bridge.loggedEmails.push(input);
      return log(`email:${input.internetMessageId}`, 'email', input.subject, input.contactId, input.private ?? false);
    },
    emailLogStatus: async (id) => {
      const logged = logs.get(`email:${id}`);
      return logged ? { logged: true, actionId: logged.action.id, loggedAt: logged.loggedAt } : { logged: false };
    },
    logMeeting: async (input) => {
      bridge.loggedMeetings.push(input);
      const markedPrivate = input.eventId !== undefined && (data.privateEventIds ?? []).includes(input.eventId);
      return log(meetingKey(input), 'meeting', input.subject, input.contactId, input.private ?? markedPrivate);
    },
    meetingLogStatus: async (meeting) => {
      const logged = logs.get(meetingKey(meeting));
      if (logged) return { logged: true, actionId: logged.action.id, loggedAt: logged.loggedAt };
      return meeting.eventId ? { logged: false, markedPrivate: (data.privateEventIds ?? []).includes(meeting.eventId) } : { logged: false };
    },
    adminUsers: async () => {
      if (!data.isAdmin) throw new BridgeError('forbidden', 'only admins of this environment can do this', 403);
      return data.users ?? [];
    },
  };
  return bridge;
}
