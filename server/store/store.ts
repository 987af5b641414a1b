import type { SyncSettings } from '../../src/domain/sync-settings';

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

export interface ConflictRecord {
  id: string;
  user: UserKey;
  entity: LinkRecord['entity'];
  erpId: string;
  field: string;
  erpValue: unknown;
  outlookValue: unknown;
  status: 'open' | 'resolved';
  resolution?: 'erp' | 'outlook';
  createdAt: string;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  users: {
    /** Creates the user on first sight, refreshes email, name and lastSeenAt afterwards. */
    upsert(user: Omit<UserRecord, 'firstSeenAt' | 'lastSeenAt' | 'erpUserIdOverride'>, now: string): Promise<UserRecord>;
    get(key: UserKey): Promise<UserRecord | undefined>;
    listByEnvironment(environment: string): Promise<UserRecord[]>;
    setErpUserOverride(key: UserKey, erpUserId: string | undefined): Promise<void>;
  };
  settings: {
    get(key: UserKey): Promise<SyncSettings | undefined>;
    put(key: UserKey, settings: SyncSettings, now: string): Promise<void>;
  };
  loggedItems: {
    /** Claims an item key; returns the existing record when someone claimed it first. */
    claim(item: Omit<LoggedItem, 'erpActionId'>): Promise<{ claimed: true } | { claimed: false; existing: LoggedItem }>;
    complete(environment: string, itemKey: string, erpActionId: string): Promise<void>;
    /** Drops a claim whose ERP write failed, so it can be tried again. */
    release(environment: string, itemKey: string): Promise<void>;
    get(environment: string, itemKey: string): Promise<LoggedItem | undefined>;
  };
  audit: {
    append(entry: Omit<AuditEntry, 'id'>): Promise<void>;
    listForUser(key: UserKey, page: { limit: number; beforeId?: number }): Promise<AuditEntry[]>;
  };
  runs: {
    create(run: RunRecord): Promise<void>;
    update(id: string, change: Partial<Pick<RunRecord, 'status' | 'stage' | 'done' | 'total' | 'finishedAt' | 'report'>>): Promise<void>;
    get(id: string): Promise<RunRecord | undefined>;
    listForUser(key: UserKey, limit: number): Promise<RunRecord[]>;
  };
  links: {
    upsert(link: LinkRecord): Promise<void>;
    listForUser(key: UserKey, entity: LinkRecord['entity']): Promise<LinkRecord[]>;
    remove(key: UserKey, entity: LinkRecord['entity'], erpId: string): Promise<void>;
  };
  cursors: {
    get(key: UserKey, collection: string): Promise<CursorRecord | undefined>;
    put(cursor: CursorRecord): Promise<void>;
  };
  conflicts: {
    add(conflict: ConflictRecord): Promise<void>;
    listForUser(key: UserKey, status?: ConflictRecord['status']): Promise<ConflictRecord[]>;
    resolve(key: UserKey, id: string, resolution: 'erp' | 'outlook'): Promise<boolean>;
  };
  /** Runs `work` in one transaction: links and the delta cursor they came from are saved together. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
