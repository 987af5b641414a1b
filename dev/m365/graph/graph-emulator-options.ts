import type { Contact } from '@microsoft/microsoft-graph-types';
import type { FaultConfig } from './fault-injector';
import type { PagingConfig } from './graph-paging';
import type { ThrottlingConfig } from './mailbox-throttle';
import type { VerifyToken } from './middleware/authenticate';

export interface SeedContactFolder {
  displayName: string;
  contacts?: readonly Contact[];
  childFolders?: readonly SeedContactFolder[];
}

/** A mailbox to create; `id` is the user's object id (`oid`), `contacts` go to the default folder. */
export interface SeedMailbox {
  id: string;
  userPrincipalName: string;
  displayName?: string;
  givenName?: string;
  surname?: string;
  mail?: string;
  contacts?: readonly Contact[];
  contactFolders?: readonly SeedContactFolder[];
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
  tenants?: readonly SeedTenant[];
  throttling?: Partial<ThrottlingConfig>;
  /** Switched off unless given. */
  faults?: Partial<FaultConfig>;
  paging?: Partial<PagingConfig>;
  /** Latency each admitted mailbox request spends; 0 by default. */
  latencyMs?: number;
  /** Delta tokens kept per mailbox before the oldest are evicted (Exchange's cache is bounded too). */
  deltaTokenCapacity?: number;
  /** Clock for timestamps and throttling windows; `Date.now` by default. */
  now?: () => number;
}
