import type { SyncPolicy } from '../../domain/sync-policy';
import type { AdminEnvironment, AdminSyncPolicy, ContactFolder, DoctorReport, SuppressedContact, SyncConflict, SyncRun, UserSyncStatus } from './sync-types';

/**
 * The bridge's sync and admin API as the settings and admin views use it. Every method rejects
 * with `BridgeError` (or `SignInError`), like the bridge client.
 */
export interface SyncClient {
  /** Lets sync act for the user with Outlook closed (delegated environments exchange the token once). */
  connect(): Promise<{ connected: boolean }>;
  contactFolders(): Promise<ContactFolder[]>;
  createContactFolder(displayName: string): Promise<ContactFolder>;
  /** A dry run: the sync service's preview, read with `readSyncPreview`. */
  preview(): Promise<unknown>;
  startRun(options?: { confirmRemovals?: boolean }): Promise<{ runId: string }>;
  getRun(runId: string): Promise<SyncRun>;
  /** Newest first. */
  runs(limit: number): Promise<SyncRun[]>;
  conflicts(): Promise<SyncConflict[]>;
  resolveConflict(conflictId: string, resolution: 'erp' | 'outlook'): Promise<void>;
  suppressed(): Promise<SuppressedContact[]>;
  restoreSuppressed(erpId: string): Promise<void>;
  adminEnvironment(): Promise<AdminEnvironment>;
  setActivation(input: { syncActivated: boolean; applicationId: string }): Promise<AdminEnvironment>;
  syncStatus(): Promise<UserSyncStatus[]>;
  syncPolicy(): Promise<AdminSyncPolicy>;
  /** Refused (`invalid_input`) beyond what the configuration allows. */
  setSyncPolicy(policy: SyncPolicy): Promise<AdminSyncPolicy>;
  /** The setup checks of the admin's environment (`npm run doctor` on the server). */
  doctor(): Promise<DoctorReport>;
}
