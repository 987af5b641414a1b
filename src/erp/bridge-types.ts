import type { ErpAction, ErpUser } from '../domain/erp-records';
import type { SyncPolicy } from '../domain/sync-policy';
import type { SyncSettings } from '../domain/sync-settings';

/** Shapes of the bridge API that have no domain schema (they live with the server's routes). */

export interface Me {
  user: { tenantId: string; objectId: string; email: string; name: string };
  /** `syncPolicy`: what the environment lets users choose per collection; `settings` is always within it. */
  environment: { name: string; mode: 'delegated' | 'app-only'; syncActivated: boolean; syncPolicy: SyncPolicy };
  erpUser: ErpUser | null;
  isAdmin: boolean;
  settings: SyncSettings;
}

export interface Participant {
  email: string;
  name?: string;
}

export interface LogEmailInput {
  internetMessageId: string;
  subject: string;
  from: Participant;
  to: Participant[];
  cc: Participant[];
  sentAt: string;
  bodyText: string;
  contactId?: string;
  /** The user's choice of the "Log as private" switch. */
  private?: boolean;
}

export interface LogMeetingInput {
  /** Outlook's REST id of the event, when Outlook has saved it: the bridge reads the meeting's iCalUId through Graph. */
  eventId?: string;
  /** The key the pane logged meetings under before it sent event ids (`outlook:<organizer>/<start>`). */
  formerKey?: string;
  /** The meeting's key when there is no event id. */
  iCalUId?: string;
  subject: string;
  start: string;
  end: string;
  timeZone: string;
  allDay: boolean;
  location?: string;
  organizer?: Participant;
  attendees: Participant[];
  bodyText: string;
  contactId?: string;
  /** The user's choice of the "Log as private" switch. */
  private?: boolean;
}

/** How the pane names a meeting to the bridge. */
export type MeetingReference = Pick<LogMeetingInput, 'eventId' | 'formerKey' | 'iCalUId'>;

export interface LogResult {
  action: ErpAction;
  alreadyLogged: boolean;
  loggedAt: string;
}

/** Logged by someone whose action the user may see, logged in an action its owner keeps private (`hidden`), or not logged. */
export type LogStatus =
  | { logged: true; actionId: string; loggedAt: string }
  | { logged: true; hidden: true }
  /** `markedPrivate`: Outlook marks the meeting private or confidential (when the bridge could read it). */
  | { logged: false; markedPrivate?: boolean };

export interface AdminUser {
  tenantId: string;
  objectId: string;
  email: string;
  displayName: string;
  erpUserIdOverride?: string;
  firstSeenAt: string;
  lastSeenAt: string;
}
