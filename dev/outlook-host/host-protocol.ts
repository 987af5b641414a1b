/**
 * The messages between the Outlook host page and the Office.js stand-in inside the add-in's
 * iframe. They live on different origins (as Outlook on the web and an add-in do), so they talk
 * with `postMessage` only; every message carries `channel` so anything else is ignored.
 */
export const hostChannel = 'erp-bridge.outlook-host';

/** An address as Office.js gives it (`Office.EmailAddressDetails`, without the response fields). */
export interface MailAddress {
  emailAddress: string;
  displayName: string;
}

/** A received message, as the reading pane shows it. Dates are ISO 8601 instants. */
export interface MessageSnapshot {
  itemType: 'message';
  itemId: string;
  subject: string;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  internetMessageId: string;
  dateTimeCreated: string;
  body: string;
  categories: string[];
}

/** A meeting in the user's calendar, seen by an attendee. */
export interface AppointmentSnapshot {
  itemType: 'appointment';
  itemId: string;
  subject: string;
  organizer: MailAddress;
  requiredAttendees: MailAddress[];
  optionalAttendees: MailAddress[];
  start: string;
  end: string;
  location: string;
  dateTimeCreated: string;
  body: string;
  categories: string[];
}

/** A message being written (Outlook's compose form): the add-in can insert text and add recipients. */
export interface DraftSnapshot {
  itemType: 'draft';
  itemId: string;
  subject: string;
  to: MailAddress[];
  cc: MailAddress[];
  dateTimeCreated: string;
  body: string;
  categories: string[];
}

export type ItemSnapshot = MessageSnapshot | AppointmentSnapshot | DraftSnapshot;

/** `Office.context.officeTheme` (Mailbox 1.14): colours only, Outlook names no theme. */
export interface OfficeThemeSnapshot {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

/** Everything Office.js knows synchronously once `Office.onReady` resolves. */
export interface HostContext {
  displayLanguage: string;
  userProfile: { emailAddress: string; displayName: string; timeZone: string };
  officeTheme: OfficeThemeSnapshot;
  item: ItemSnapshot | null;
  roamingSettings: Record<string, unknown>;
  /** Highest supported version of each requirement set, such as `{ Mailbox: '1.14' }`. */
  requirementSets: Record<string, string>;
}

/** The calls the stand-in makes to the host, with what each answers. */
export interface HostCalls {
  getAccessToken: { params: Record<string, never>; value: string };
  saveSettings: { params: { settings: Record<string, unknown> }; value: null };
  setCategories: { params: { itemId: string; categories: string[] }; value: string[] };
  /** Compose: text at the cursor of the draft's body (the stand-in's cursor is at the end); answers the new body. */
  insertText: { params: { itemId: string; text: string }; value: string };
  /** Compose: people added to the To or Cc line; answers the line as it now is. */
  addRecipients: { params: { itemId: string; field: 'to' | 'cc'; recipients: MailAddress[] }; value: MailAddress[] };
}

export type HostMethod = keyof HostCalls;
export type HostCall = { [M in HostMethod]: { method: M; params: HostCalls[M]['params'] } }[HostMethod];

/** Office reports failures as numbers (13001 nobody signed in, 9002 internal error, …). */
export interface HostCallError {
  code: number;
  name: string;
  message: string;
}

export type HostCallOutcome = { status: 'succeeded'; value: unknown } | { status: 'failed'; error: HostCallError };

export type HostToAddin =
  | { channel: typeof hostChannel; kind: 'init'; context: HostContext }
  | { channel: typeof hostChannel; kind: 'itemChanged'; item: ItemSnapshot | null }
  | { channel: typeof hostChannel; kind: 'themeChanged'; officeTheme: OfficeThemeSnapshot }
  | { channel: typeof hostChannel; kind: 'reply'; id: number; outcome: HostCallOutcome };

export type AddinToHost = { channel: typeof hostChannel; kind: 'hello' } | { channel: typeof hostChannel; kind: 'call'; id: number; call: HostCall };

const hostKinds = new Set(['init', 'itemChanged', 'themeChanged', 'reply']);
const addinKinds = new Set(['hello', 'call']);
const methods = new Set<string>(['getAccessToken', 'saveSettings', 'setCategories', 'insertText', 'addRecipients']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A message from the host; the receiver has already checked that it comes from its parent window. */
export function isHostToAddin(data: unknown): data is HostToAddin {
  return isRecord(data) && data.channel === hostChannel && typeof data.kind === 'string' && hostKinds.has(data.kind);
}

/** A message from the add-in frame; the receiver has already checked the sending window. */
export function isAddinToHost(data: unknown): data is AddinToHost {
  if (!isRecord(data) || data.channel !== hostChannel || typeof data.kind !== 'string' || !addinKinds.has(data.kind)) return false;
  if (data.kind === 'hello') return true;
  return typeof data.id === 'number' && isRecord(data.call) && typeof data.call.method === 'string' && methods.has(data.call.method) && isRecord(data.call.params);
}
