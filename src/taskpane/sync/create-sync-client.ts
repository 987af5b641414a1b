import type { SendBridgeRequest } from '../../erp/create-bridge-request';
import type { SyncClient } from './sync-client';

import type { AdminEnvironment, AdminSyncPolicy, ContactFolder, DoctorReport, SuppressedContact, SyncConflict, SyncRun, UserSyncStatus } from './sync-types';

/**
 * The sync API over the bridge client's authenticated request (one token source, one error type).
 * @example const sync = createSyncClient(createBridgeRequest(location.origin, tokens, fetch));
 */
export function createSyncClient(request: SendBridgeRequest): SyncClient {
  const id = encodeURIComponent;
  return {
    connect: () => request<{ connected: boolean }>({ method: 'POST', path: '/api/me/sync/connect' }),
    contactFolders: async () => (await request<{ items: ContactFolder[] }>({ path: '/api/me/contact-folders' })).items,
    createContactFolder: (displayName) => request<ContactFolder>({ method: 'POST', path: '/api/me/contact-folders', body: { displayName } }),
    preview: () => request<unknown>({ method: 'POST', path: '/api/me/sync/preview' }),
    startRun: (options = {}) => request<{ runId: string }>({ method: 'POST', path: '/api/me/sync/runs', body: { confirmRemovals: options.confirmRemovals ?? false } }),
    getRun: (runId) => request<SyncRun>({ path: `/api/me/sync/runs/${id(runId)}` }),
    runs: async (limit) => (await request<{ items: SyncRun[] }>({ path: '/api/me/runs', query: { limit } })).items,
    conflicts: async () => (await request<{ items: SyncConflict[] }>({ path: '/api/me/conflicts' })).items,
    resolveConflict: async (conflictId, resolution) => {
      await request({ method: 'POST', path: `/api/me/conflicts/${id(conflictId)}/resolve`, body: { resolution } });
    },
    suppressed: async () => (await request<{ items: SuppressedContact[] }>({ path: '/api/me/suppressed' })).items,
    restoreSuppressed: async (erpId) => {
      await request({ method: 'POST', path: `/api/me/suppressed/${id(erpId)}/restore` });
    },
    adminEnvironment: () => request<AdminEnvironment>({ path: '/api/admin/environment' }),
    setActivation: (input) => request<AdminEnvironment>({ method: 'PUT', path: '/api/admin/activation', body: input }),
    syncStatus: async () => (await request<{ items: UserSyncStatus[] }>({ path: '/api/admin/sync-status' })).items,
    syncPolicy: () => request<AdminSyncPolicy>({ path: '/api/admin/sync-policy' }),
    setSyncPolicy: (policy) => request<AdminSyncPolicy>({ method: 'PUT', path: '/api/admin/sync-policy', body: policy }),
    doctor: () => request<DoctorReport>({ path: '/api/admin/doctor' }),
  };
}
