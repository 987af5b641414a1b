import type { SyncPolicy } from '../../src/domain/sync-policy';
import type { SyncSettings } from '../../src/domain/sync-settings';
import type { SyncConflict } from '../../src/sync/sync-conflict';

/** A user is a tenant id plus an object id, never an email. */
export interface UserKey {
  tenantId: string;
  objectId: string;
}

export interface UserRecord extends UserKey {
  environment: string;
  email: string;
  displayName: string;
  /** Admin override of the email-based ERP user mapping. */
  erpUserIdOverride?: string;
  /** A B2B guest of the tenant: mapped to an ERP user only by an admin's override, never by email. */
  isGuest?: boolean;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface AuditEntry {
  id: number;
  user: UserKey;
  environment: string;
  /** What happened: `contact.create`, `contact.update`, `action.create`, `email.log`, `meeting.log`, … */
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  at: string;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'waiting_confirmation';

export interface RunRecord {
  id: string;
  user: UserKey;
  kind: 'contacts' | 'actions' | 'preview';
  status: RunStatus;
  stage: string;
  done: number;
  total: number;
  startedAt: string;
  finishedAt?: string;
  report?: Record<string, unknown>;
}

export type RunChange = Partial<Pick<RunRecord, 'status' | 'stage' | 'done' | 'total' | 'finishedAt' | 'report'>>;

/** An email or meeting logged into the ERP once per environment, whoever logged it. */
export interface LoggedItem {
  environment: string;
  /** `email:<internetMessageId>` or `meeting:<iCalUId>`. */
  itemKey: string;
  /** Empty while the ERP write is in flight. */
  erpActionId?: string;
  loggedBy: UserKey;
  loggedAt: string;
}

export type ClaimResult = { claimed: true } | { claimed: false; existing: LoggedItem };

export interface LinkRecord {
  user: UserKey;
  entity: 'contact' | 'event' | 'task';
  erpId: string;
  outlookId: string;
  state: 'active' | 'suppressed';
  /** Last synced field values, for three-way merges. */
  snapshot: Record<string, unknown>;
  missedListings: number;
  updatedAt: string;
}

export interface CursorRecord {
  user: UserKey;
  collection: string;
  value: string;
  updatedAt: string;
}

/** A conflict of any collection, with whose it is. */
export interface ConflictRecord extends SyncConflict<string> {
  user: UserKey;
  entity: LinkRecord['entity'];
}

/**
 * The bridge's own state. Every method that takes a `UserKey` reads and writes that user's rows
 * only. Rows of a user (settings, links, cursors, runs, conflicts, token cache) need the user to
 * exist first (`users.upsert`), otherwise the write fails with `StoreError` `unknown_user`.
 * Dates are ISO 8601 strings; they are stored normalised to UTC (`toISOString()`).
 */
export interface EnvironmentActivation {
  environment: string;
  syncActivated: boolean;
  applicationId: string;
  /** Email of the admin who changed it last. */
  changedBy: string;
  changedAt: string;
}

/** The sync policy an environment's admin chose, which the configuration's `sync` block bounds (`effectiveSyncPolicy`). */
export interface EnvironmentSyncPolicy {
  environment: string;
  policy: SyncPolicy;
  /** Email of the admin who changed it last. */
  changedBy: string;
  changedAt: string;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  users: {
    /** Creates the user on first sight, refreshes environment, email, name and lastSeenAt afterwards. */
    upsert(user: Omit<UserRecord, 'firstSeenAt' | 'lastSeenAt' | 'erpUserIdOverride'>, now: string): Promise<UserRecord>;
    get(key: UserKey): Promise<UserRecord | undefined>;
    /** An admin's view of one environment, sorted by email. */
    listByEnvironment(environment: string): Promise<UserRecord[]>;
    /** Returns false when the user does not exist. */
    setErpUserOverride(key: UserKey, erpUserId: string | undefined): Promise<boolean>;
    /** Forgets the user and their settings, links, cursors, runs, conflicts and tokens; the audit log and logged items stay. */
    remove(key: UserKey): Promise<boolean>;
  };
  settings: {
    /** Throws `StoreError` `corrupt_record` when the stored row does not match the settings schema. */
    get(key: UserKey): Promise<SyncSettings | undefined>;
    put(key: UserKey, settings: SyncSettings, now: string): Promise<void>;
  };
  /**
   * Shared by all users of an environment on purpose (an email is logged once, whoever logs it),
   * so `claim` and `get` are keyed by environment; only the claimer may complete or release.
   */
  loggedItems: {
    /**
     * Claims an item key, race-safe across instances; returns the existing record when someone
     * claimed it first. A claim still in flight whose `loggedAt` is before `takeOverClaimsBefore`
     * (its writer died) is taken over.
     */
    claim(item: Omit<LoggedItem, 'erpActionId'>, options?: { takeOverClaimsBefore?: string }): Promise<ClaimResult>;
    /** Records the ERP action id of the user's own claim; false when the user holds no such claim in flight. */
    complete(key: UserKey, environment: string, itemKey: string, erpActionId: string): Promise<boolean>;
    /** Drops the user's own claim whose ERP write failed, so it can be tried again; a completed item stays. */
    release(key: UserKey, environment: string, itemKey: string): Promise<boolean>;
    get(environment: string, itemKey: string): Promise<LoggedItem | undefined>;
  };
  audit: {
    /** Returns the new entry's id. */
    append(entry: Omit<AuditEntry, 'id'>): Promise<number>;
    /** Newest first; pass the last id seen as `beforeId` for the next page. */
    listForUser(key: UserKey, page: { limit: number; beforeId?: number }): Promise<AuditEntry[]>;
  };
  runs: {
    create(run: RunRecord): Promise<void>;
    /** Returns false when the user has no run with this id. */
    update(key: UserKey, id: string, change: RunChange): Promise<boolean>;
    get(key: UserKey, id: string): Promise<RunRecord | undefined>;
    /** Newest first. */
    listForUser(key: UserKey, limit: number): Promise<RunRecord[]>;
  };
  links: {
    /** Inserts or replaces the link of (user, entity, erpId). */
    upsert(link: LinkRecord): Promise<void>;
    get(key: UserKey, entity: LinkRecord['entity'], erpId: string): Promise<LinkRecord | undefined>;
    /** The link an Outlook change belongs to. */
    findByOutlookId(key: UserKey, entity: LinkRecord['entity'], outlookId: string): Promise<LinkRecord | undefined>;
    /** Sorted by erpId; with `page`, the first `limit` links after `afterErpId`, so 100,000 need not be held at once. */
    listForUser(key: UserKey, entity: LinkRecord['entity'], page?: { afterErpId?: string; limit: number }): Promise<LinkRecord[]>;
    remove(key: UserKey, entity: LinkRecord['entity'], erpId: string): Promise<boolean>;
  };
  cursors: {
    get(key: UserKey, collection: string): Promise<CursorRecord | undefined>;
    put(cursor: CursorRecord): Promise<void>;
    /** Drops an expired delta link (`410`/`syncStateNotFound`) so the next run does a full resync. */
    remove(key: UserKey, collection: string): Promise<boolean>;
  };
  conflicts: {
    add(conflict: ConflictRecord): Promise<void>;
    get(key: UserKey, id: string): Promise<ConflictRecord | undefined>;
    /** Oldest first. */
    listForUser(key: UserKey, status?: ConflictRecord['status']): Promise<ConflictRecord[]>;
    /** Resolves an open conflict of the user; false when there is none with this id (unknown, another user's, or already resolved). */
    resolve(key: UserKey, id: string, resolution: 'erp' | 'outlook', now: string): Promise<boolean>;
  };
  /**
   * The user's serialized token cache (refresh tokens, DESIGN §3), encrypted at rest with
   * AES-256-GCM. Throws `StoreError` `encryption_key_missing` when the store was opened without a
   * key, and `token_unreadable` when a blob was written with another key or altered.
   */
  /** Whether a supervisor turned sync on for an environment, with which app registration. */
  activations: {
    get(environment: string): Promise<EnvironmentActivation | undefined>;
    put(activation: EnvironmentActivation): Promise<void>;
  };
  /** The admin's sync policy per environment; absent until an admin saves one. */
  syncPolicies: {
    /** Throws `StoreError` `corrupt_record` when the stored policy does not match the policy schema. */
    get(environment: string): Promise<EnvironmentSyncPolicy | undefined>;
    /** Refuses (`invalid_input`) a policy the schema rejects, such as a default outside its allowed values. */
    put(record: EnvironmentSyncPolicy): Promise<void>;
  };
  tokenCache: {
    get(key: UserKey): Promise<string | undefined>;
    put(key: UserKey, serializedCache: string, now: string): Promise<void>;
    remove(key: UserKey): Promise<boolean>;
  };
  /**
   * Runs `work` in one transaction: links and the delta cursor they came from are saved together.
   * Rolled back when `work` throws. Inside `work`, use only the store it receives (the outer one
   * waits for the transaction on SQLite); a nested `transaction` joins the enclosing one.
   */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
