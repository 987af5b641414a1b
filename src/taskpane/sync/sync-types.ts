import type { SyncPolicy } from '../../domain/sync-policy';

/** Shapes of the bridge's sync and admin API (server/routes/sync-routes.ts, admin-routes.ts) as the pane uses them. */

export interface ContactFolder {
  id: string;
  displayName: string;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'waiting_confirmation';

/** A sync run; `report` is the sync service's, read with `readRunReport`. */
export interface SyncRun {
  id: string;
  kind: string;
  status: RunStatus;
  stage: string;
  done: number;
  total: number;
  startedAt: string;
  finishedAt?: string;
  report?: Record<string, unknown>;
}

export interface SyncConflict {
  id: string;
  entity: string;
  erpId: string;
  field: string;
  erpValue: unknown;
  outlookValue: unknown;
  createdAt: string;
}

export interface SuppressedContact {
  erpId: string;
  outlookId: string;
  updatedAt: string;
}

export interface Activation {
  syncActivated: boolean;
  applicationId: string;
  changedBy?: string;
  changedAt?: string;
}

export interface AdminEnvironment {
  environment: string;
  mode: 'delegated' | 'app-only';
  tenantId: string;
  applicationId: string;
  activation: Activation;
  adminConsentUrl: string;
}

export interface UserSyncStatus {
  tenantId: string;
  objectId: string;
  email: string;
  displayName: string;
  lastSeenAt: string;
  syncEnabled: boolean;
  contactFolderName?: string;
  connected: boolean;
  openConflicts: number;
  lastRun?: { id: string; status: RunStatus; stage: string; startedAt: string; finishedAt?: string };
}

/** The environment's sync policy as its admin edits it (`GET /api/admin/sync-policy`). */
export interface AdminSyncPolicy {
  /** In force: what users may choose now. */
  policy: SyncPolicy;
  /** The configuration's `sync` block: the most the admin may allow. */
  configured: SyncPolicy;
  changedBy?: string;
  changedAt?: string;
}

/** One setup check of `GET /api/admin/doctor`: its message and fix come from the bridge, in English. */
export interface DoctorCheck {
  name: 'token-endpoint' | 'client-secret' | 'secret-expiry' | 'admin-consent' | 'graph-permissions' | 'mailbox-access' | 'contact-folders' | 'erp' | 'public-url' | 'clock';
  status: 'ok' | 'warn' | 'fail';
  message: string;
  fix?: string;
}

export interface DoctorReport {
  environment: string;
  mode: 'delegated' | 'app-only';
  checks: DoctorCheck[];
}
