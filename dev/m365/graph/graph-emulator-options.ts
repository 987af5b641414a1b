import type { TlsCertificate } from '../identity/create-self-signed-certificate';
import type { Contact, Event, TodoTask } from '@microsoft/microsoft-graph-types';
import type { DirectoryApplication } from './directory-application';
import type { FaultConfig } from './fault-injector';
import type { PagingConfig } from './graph-paging';
import type { ThrottlingConfig } from './mailbox-throttle';
import type { VerifyToken } from './middleware/authenticate';
import type { NotificationSettings } from './notification-client';

export interface SeedContactFolder {
  displayName: string;
  contacts?: readonly Contact[];
  childFolders?: readonly SeedContactFolder[];
}

export interface SeedCalendar {
  name: string;
  events?: readonly Event[];
}

export interface SeedTodoList {
  displayName: string;
  tasks?: readonly TodoTask[];
}

/**
 * A mailbox to create; `id` is the user's object id (`oid`). `contacts` go to the default folder,
 * `events` to the primary calendar and `tasks` to the default To Do list ("Tasks").
 */
export interface SeedMailbox {
  id: string;
  userPrincipalName: string;
  displayName?: string;
  givenName?: string;
  surname?: string;
  mail?: string;
  contacts?: readonly Contact[];
  contactFolders?: readonly SeedContactFolder[];
  events?: readonly Event[];
  calendars?: readonly SeedCalendar[];
  tasks?: readonly TodoTask[];
  todoLists?: readonly SeedTodoList[];
}

export interface SeedTenant {
  id: string;
  displayName?: string;
  mailboxes?: readonly SeedMailbox[];
}

export interface GraphEmulatorOptions {
  /** Verifies a bearer token's signature, issuer and lifetime (e.g. jose `jwtVerify` with a JWKS). */
  verifyToken: VerifyToken;
  /** 0 (the default) picks a free port. The server listens on 127.0.0.1 only. */
  port?: number;
  /** Serve HTTPS with this certificate (for example the identity server's), or with a new one for `true`. */
  https?: boolean | TlsCertificate;
  tenants?: readonly SeedTenant[];
  throttling?: Partial<ThrottlingConfig>;
  /** Switched off unless given. */
  faults?: Partial<FaultConfig>;
  paging?: Partial<PagingConfig>;
  /** Latency each admitted mailbox request spends; 0 by default. */
  latencyMs?: number;
  /** Delta tokens kept per mailbox before the oldest are evicted (Exchange's cache is bounded too). */
  deltaTokenCapacity?: number;
  /** Timeouts and retries of the validation handshake and of notification deliveries. */
  notifications?: Partial<NotificationSettings>;
  /** App registrations Graph serves under `/applications`, read on every request (the identity directory's). */
  applications?: () => readonly DirectoryApplication[];
  /** Clock for timestamps, throttling windows and subscription expiry; `Date.now` by default. */
  now?: () => number;
}
