import { BridgeError } from '../../../../src/erp/bridge-error';
import type { SyncClient } from '../../../../src/taskpane/sync/sync-client';
import { buildSyncPolicy } from '../../../builders/build-sync-policy';
import { findPolicyOutsideCeiling } from '../../../../src/domain/find-policy-outside-ceiling';
import type { AdminEnvironment, AdminSyncPolicy, ContactFolder, DoctorReport, SuppressedContact, SyncConflict, SyncRun, UserSyncStatus } from '../../../../src/taskpane/sync/sync-types';

export const appId = 'b7e1c0de-4a2f-4c3b-9d1e-5f6a7b8c9d0e';

export interface FakeSyncData {
  folders?: ContactFolder[];
  /** Newest first, as the bridge lists them. */
  runs?: SyncRun[];
  /** What `getRun` answers for a run started now, one state per call (the last one repeats). */
  runSteps?: Omit<SyncRun, 'id'>[];
  conflicts?: SyncConflict[];
  suppressed?: SuppressedContact[];
  preview?: unknown;
  environment?: AdminEnvironment;
  statuses?: UserSyncStatus[];
  /** The admin's view of the sync policy (default: the configuration's, everything allowed). */
  syncPolicy?: AdminSyncPolicy;
  doctor?: DoctorReport;
}

/** What the fake bridge holds, for tests to look at. */
export interface FakeSyncStore {
  folders: ContactFolder[];
  runs: SyncRun[];
  conflicts: SyncConflict[];
  suppressed: SuppressedContact[];
  environment: AdminEnvironment;
  syncPolicy: AdminSyncPolicy;
  connected: boolean;
}

export interface FakeSync extends SyncClient {
  store: FakeSyncStore;
  resolved: { conflictId: string; resolution: 'erp' | 'outlook' }[];
  restored: string[];
  started: { confirmRemovals: boolean }[];
  /** Makes the next calls of `method` reject with `error`. */
  fail(method: keyof SyncClient, error: BridgeError): void;
}

const at = '2026-03-02T10:00:00.000Z';

export function aRun(overrides: Partial<SyncRun> = {}): SyncRun {
  return { id: 'run-0', kind: 'contacts', status: 'succeeded', stage: 'done', done: 3, total: 3, startedAt: at, finishedAt: '2026-03-02T10:00:05.000Z', report: { applied: 3, failures: [], failedOperations: 0, heldRemovals: [] }, ...overrides };
}

export function anEnvironment(overrides: Partial<AdminEnvironment> = {}): AdminEnvironment {
  return {
    environment: 'contoso',
    mode: 'delegated',
    tenantId: '7c1f4e2a-3b5d-4c6e-9f80-a1b2c3d4e5f6',
    applicationId: appId,
    activation: { syncActivated: false, applicationId: appId },
    adminConsentUrl: `https://login.microsoftonline.com/7c1f4e2a-3b5d-4c6e-9f80-a1b2c3d4e5f6/v2.0/adminconsent?client_id=${appId}`,
    ...overrides,
  };
}

/** An in-memory sync API with the bridge's rules where the views rely on them (App ID check, one run at a time). */
export function createFakeSync(data: FakeSyncData = {}): FakeSync {
  const failures = new Map<keyof SyncClient, BridgeError>();
  const guard = async <T>(method: keyof SyncClient, work: () => T): Promise<T> => {
    const failure = failures.get(method);
    if (failure) throw failure;
    return work();
  };
  const steps = new Map<string, number>();
  let nextRun = 1;

  const store: FakeSyncStore = {
    folders: data.folders ?? [{ id: 'folder-contacts', displayName: 'Contacts' }],
    runs: data.runs ?? [],
    conflicts: data.conflicts ?? [],
    suppressed: data.suppressed ?? [],
    environment: data.environment ?? anEnvironment(),
    syncPolicy: data.syncPolicy ?? { policy: buildSyncPolicy(), configured: buildSyncPolicy() },
    connected: false,
  };
  const fake: FakeSync = {
    store,
    resolved: [],
    restored: [],
    started: [],
    fail: (method, error) => failures.set(method, error),
    connect: () => guard('connect', () => ({ connected: (store.connected = true) })),
    contactFolders: () => guard('contactFolders', () => [...store.folders]),
    createContactFolder: (displayName) =>
      guard('createContactFolder', () => {
        const folder = { id: `folder-${displayName.toLowerCase()}`, displayName };
        store.folders.push(folder);
        return folder;
      }),
    preview: () => guard('preview', () => data.preview ?? { counts: {}, samples: {}, heldRemovals: [], needsConfirmation: false }),
    startRun: (options = {}) =>
      guard('startRun', () => {
        fake.started.push({ confirmRemovals: options.confirmRemovals ?? false });
        const runId = `run-${nextRun++}`;
        steps.set(runId, 0);
        return { runId };
      }),
    getRun: (runId) =>
      guard('getRun', () => {
        const script = data.runSteps ?? [{ ...aRun(), id: undefined }];
        const index = steps.get(runId) ?? 0;
        steps.set(runId, index + 1);
        const run: SyncRun = { ...aRun(), ...script[Math.min(index, script.length - 1)], id: runId };
        if (run.status === 'succeeded' || run.status === 'failed' || run.status === 'waiting_confirmation') store.runs = [run, ...store.runs.filter((old) => old.id !== runId)];
        return run;
      }),
    runs: (limit) => guard('runs', () => store.runs.slice(0, limit)),
    conflicts: () => guard('conflicts', () => [...store.conflicts]),
    resolveConflict: (conflictId, resolution) =>
      guard('resolveConflict', () => {
        if (!store.conflicts.some((conflict) => conflict.id === conflictId)) throw new BridgeError('not_found', 'open conflict not found', 404);
        fake.resolved.push({ conflictId, resolution });
        store.conflicts = store.conflicts.filter((conflict) => conflict.id !== conflictId);
      }),
    suppressed: () => guard('suppressed', () => [...store.suppressed]),
    restoreSuppressed: (erpId) =>
      guard('restoreSuppressed', () => {
        fake.restored.push(erpId);
        store.suppressed = store.suppressed.filter((contact) => contact.erpId !== erpId);
      }),
    adminEnvironment: () => guard('adminEnvironment', () => store.environment),
    setActivation: ({ syncActivated, applicationId }) =>
      guard('setActivation', () => {
        if (applicationId.toLowerCase() !== store.environment.applicationId) {
          throw new BridgeError('invalid_input', `this App ID is not the environment's app registration; the bridge is configured with ${store.environment.applicationId}`, 400);
        }
        store.environment = { ...store.environment, activation: { syncActivated, applicationId, changedBy: 'lucia@contoso.example', changedAt: at } };
        return store.environment;
      }),
    syncStatus: () => guard('syncStatus', () => data.statuses ?? []),
    syncPolicy: () => guard('syncPolicy', () => store.syncPolicy),
    setSyncPolicy: (policy) =>
      guard('setSyncPolicy', () => {
        const refused = findPolicyOutsideCeiling(policy, store.syncPolicy.configured);
        if (refused.length > 0) throw new BridgeError('invalid_input', `the configuration of this environment does not allow: ${refused.join('; ')}`, 400);
        store.syncPolicy = { ...store.syncPolicy, policy, changedBy: 'lucia@contoso.example', changedAt: at };
        return store.syncPolicy;
      }),
    doctor: () => guard('doctor', () => data.doctor ?? { environment: store.environment.environment, mode: store.environment.mode, checks: [] }),
  };
  return fake;
}
