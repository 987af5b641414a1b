import type { z } from 'zod';
import type {
  actionInputSchema,
  actionPatchSchema,
  contactInputSchema,
  contactPatchSchema,
  ErpAccount,
  ErpAction,
  ErpContact,
} from '../domain/erp-records';
import type { SyncSettings } from '../domain/sync-settings';
import type { AdminUser, LogEmailInput, LogMeetingInput, LogResult, LogStatus, MeetingReference, Me } from './bridge-types';

/** What the add-in sends: the schemas' input side, where defaulted fields may be left out. */
export type NewContact = z.input<typeof contactInputSchema>;
export type ContactChanges = z.input<typeof contactPatchSchema>;
export type NewAction = z.input<typeof actionInputSchema>;
export type ActionChanges = z.input<typeof actionPatchSchema>;

/** The bridge API as the add-in sees it. Every method rejects with `BridgeError` or `SignInError`. */
export interface BridgeClient {
  me(): Promise<Me>;
  getSettings(): Promise<SyncSettings>;
  putSettings(settings: SyncSettings): Promise<SyncSettings>;
  /** Exact, case-insensitive, over every email of a contact. */
  findContactsByEmail(email: string): Promise<ErpContact[]>;
  /** Prefix of names or company. */
  searchContacts(text: string): Promise<ErpContact[]>;
  getContact(id: string): Promise<ErpContact>;
  createContact(input: NewContact): Promise<ErpContact>;
  updateContact(id: string, changes: ContactChanges): Promise<ErpContact>;
  /** Newest first. */
  contactActions(contactId: string, limit: number): Promise<ErpAction[]>;
  searchAccounts(text: string): Promise<ErpAccount[]>;
  getAccount(id: string): Promise<ErpAccount>;
  accountActions(accountId: string, limit: number): Promise<ErpAction[]>;
  createAction(input: NewAction): Promise<ErpAction>;
  updateAction(id: string, changes: ActionChanges): Promise<ErpAction>;
  /** Idempotent by internetMessageId: a second call returns the first action with `alreadyLogged`. */
  logEmail(input: LogEmailInput): Promise<LogResult>;
  emailLogStatus(internetMessageId: string): Promise<LogStatus>;
  logMeeting(input: LogMeetingInput): Promise<LogResult>;
  meetingLogStatus(meeting: MeetingReference): Promise<LogStatus>;
  adminUsers(): Promise<AdminUser[]>;
}
