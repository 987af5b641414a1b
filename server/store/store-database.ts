import type { ColumnType, Generated } from 'kysely';

/**
 * Table types of the bridge store as Kysely sees them. Dates are ISO 8601 text and JSON is text
 * on both SQLite and PostgreSQL, so one code path reads and writes them.
 */
export interface StoreDatabase {
  users: UsersTable;
  user_settings: UserSettingsTable;
  links: LinksTable;
  cursors: CursorsTable;
  runs: RunsTable;
  conflicts: ConflictsTable;
  audit_log: AuditLogTable;
  logged_items: LoggedItemsTable;
  token_cache: TokenCacheTable;
  environment_activation: EnvironmentActivationTable;
  environment_sync_policy: EnvironmentSyncPolicyTable;
  graph_subscriptions: GraphSubscriptionsTable;
  graph_notifications: GraphNotificationsTable;
}

interface UserColumns {
  tenant_id: string;
  object_id: string;
}

export interface UsersTable extends UserColumns {
  environment: string;
  email: string;
  display_name: string;
  erp_user_id_override: string | null;
  /** 1 for a B2B guest of the tenant. */
  is_guest: ColumnType<number, number | undefined, number>;
  first_seen_at: string;
  last_seen_at: string;
}

export interface UserSettingsTable extends UserColumns {
  settings: string;
  updated_at: string;
}

export interface LinksTable extends UserColumns {
  entity: string;
  erp_id: string;
  outlook_id: string;
  state: string;
  snapshot: string;
  missed_listings: number;
  updated_at: string;
}

export interface CursorsTable extends UserColumns {
  collection: string;
  value: string;
  updated_at: string;
}

export interface RunsTable extends UserColumns {
  id: string;
  kind: string;
  status: string;
  stage: string;
  done: number;
  total: number;
  started_at: string;
  finished_at: string | null;
  report: string | null;
}

export interface ConflictsTable extends UserColumns {
  id: string;
  entity: string;
  erp_id: string;
  field: string;
  /** JSON text; NULL when the field is absent on that side (JSON `null` is the text `null`). */
  erp_value: string | null;
  outlook_value: string | null;
  status: string;
  resolution: string | null;
  created_at: string;
  resolved_at: string | null;
}

export interface AuditLogTable extends UserColumns {
  id: Generated<number>;
  environment: string;
  action: string;
  target_type: string;
  target_id: string;
  details: string;
  at: string;
}

export interface LoggedItemsTable {
  environment: string;
  item_key: string;
  erp_action_id: string | null;
  logged_by_tenant_id: string;
  logged_by_object_id: string;
  logged_at: string;
}

export interface TokenCacheTable extends UserColumns {
  blob: string;
  updated_at: string;
}

export interface EnvironmentActivationTable {
  environment: string;
  /** 1 or 0: SQLite has no boolean. */
  sync_activated: number;
  application_id: string;
  changed_by: string;
  changed_at: string;
}

export interface EnvironmentSyncPolicyTable {
  environment: string;
  /** JSON of a `SyncPolicy`. */
  policy: string;
  changed_by: string;
  changed_at: string;
}

export interface GraphSubscriptionsTable extends UserColumns {
  collection: string;
  environment: string;
  resource: string;
  /** Graph's id; NULL while a bridge is creating it. */
  subscription_id: string | null;
  /** SHA-256 (hex) of the clientState: the secret itself is never stored. */
  client_state_hash: string;
  state: string;
  expires_at: string;
  updated_at: string;
}

export interface GraphNotificationsTable extends UserColumns {
  id: string;
  /** What makes a replay the same notification: a second one with this fingerprint is dropped. */
  fingerprint: string;
  subscription_id: string;
  environment: string;
  collection: string;
  kind: string;
  received_at: string;
  /** The bridge pass processing it, until `claimed_until`. */
  claim_token: string | null;
  claimed_until: string | null;
  processed_at: string | null;
}
