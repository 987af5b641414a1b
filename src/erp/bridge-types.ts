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
}

export interface LogMeetingInput {
  iCalUId: string;
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
}

export interface LogResult {
  action: ErpAction;
  alreadyLogged: boolean;
  loggedAt: string;
}

/** Logged by someone whose action the user may see, logged in an action its owner keeps private (`hidden`), or not logged. */
export type LogStatus = { logged: true; actionId: string; loggedAt: string } | { logged: true; hidden: true } | { logged: false };

export interface AdminUser {
  tenantId: string;
  objectId: string;
  email: string;
  displayName: string;
  erpUserIdOverride?: string;
  firstSeenAt: string;
  lastSeenAt: string;
}
