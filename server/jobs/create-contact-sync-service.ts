import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { RunState } from '../../src/sync/run-state';
import { runStatusOf } from '../../src/sync/run-status-of';
import { ApiError } from '../http/api-error';
import type { UserKey } from '../store/store';
import type { ContactSyncMailbox, ContactSyncRun, ContactSyncService, ContactSyncServiceOptions } from './contact-sync-service';
import type { ContactSyncTarget } from './contact-sync-target';
import type { SyncSettings } from '../../src/domain/sync-settings';
import { combineMailboxRun } from './combine-mailbox-run';
import { createErpActionSource } from './create-erp-action-source';
import { createErpContactSource } from './create-erp-contact-source';
import { actionCollectionNames, type ActionCollectionName } from './mailbox-run-report';
import { runActionCollections } from './run-action-collections';
import { createGraphContactFolder } from '../../src/graph/contacts/create-graph-contact-folder';
import { previewContactSync } from '../../src/sync/contacts/preview-contact-sync';
import { runContactSync } from '../../src/sync/contacts/run-contact-sync';
import { createStoreContactSync } from './create-store-contact-sync';
import { countActionCollectionRun } from '../metrics/count-action-collection-run';
import { countContactWrites } from '../metrics/count-contact-writes';
import { isMailboxDue } from './is-mailbox-due';
import { mailboxKey } from './mailbox-key';
import { readSyncPolicy } from '../policy/read-sync-policy';
import { readUserSettings } from '../policy/read-user-settings';
import { resolveSyncSettings } from '../../src/domain/resolve-sync-settings';

/** A run's progress is written at most this often (stage changes are written at once). */
const progressEveryMs = 250;
/** Finished runs `waitForRun` still knows. */
const rememberedRuns = 500;

const heldReportSchema = z.object({ heldRemovals: z.array(z.string()) });

/** One mailbox run: its contacts (when on) and the action collections it syncs after them. */
interface MailboxRunTarget {
  environment: string;
  user: UserKey;
  settings: SyncSettings;
  contacts?: ContactSyncTarget;
  collections: ActionCollectionName[];
}

/**
 * The mailbox sync service: previews, runs in the background with one run per mailbox at a time,
 * and the scheduler's pass over due mailboxes. A run syncs the contacts (when on), then each action
 * collection (`actionCollections`) the user's settings turn on. Runs are recorded in `store.runs`
 * (stage, done/total over every part, then the `MailboxRunReport`).
 *
 * @example
 * const contactSync = createContactSyncService({ store, environments, graphAccess, logger });
 * const { runId } = await contactSync.runNow('contoso', user);
 * const run = await contactSync.waitForRun(runId); // tests and benchmarks
 */
export function createContactSyncService(options: ContactSyncServiceOptions): ContactSyncService {
  const { store, environments, graphAccess, logger } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const random = options.random ?? Math.random;
  const fullListingEveryMs = options.fullListingEveryMs ?? 24 * 60 * 60_000;
  const actionCollections = options.actionCollections ?? {};
  const running = new Map<string, { runId: string; done: Promise<ContactSyncRun> }>();
  const runs = new Map<string, Promise<ContactSyncRun>>();
  const passes = new Set<ContactSyncMailbox[]>();
  let closed = false;

  async function settingsOf(environment: string, user: UserKey) {
    const configured = environments.get(environment);
    if (!configured) throw new ApiError('not_found', 404, `environment ${environment} is not configured`);
    // As the environment's sync policy allows now: a direction or policy the admin has since ruled out is never run.
    return readUserSettings(store, configured.config, user);
  }

  /** The contact part of a mailbox's sync; `undefined` when contacts are off or have no folder. */
  function contactTargetOf(environment: string, user: UserKey, settings: SyncSettings): ContactSyncTarget | undefined {
    if (!settings.enabled || settings.contacts === 'off' || !settings.contactFolderId) return undefined;
    return { environment, user, folderId: settings.contactFolderId, direction: settings.contacts, policy: settings.conflicts, folderChange: settings.contactFolderChange ?? 'move' };
  }

  /** The action collections a mailbox run syncs: actions on, the collection's direction not off, and the collection served by this bridge. */
  function collectionsOf(settings: SyncSettings): ActionCollectionName[] {
    if (!settings.enabled || !settings.actionsEnabled) return [];
    return actionCollectionNames.filter((name) => settings[name] !== 'off' && actionCollections[name] !== undefined);
  }

  /** What a mailbox run syncs; refused when it would sync nothing. */
  async function targetOf(environment: string, user: UserKey): Promise<MailboxRunTarget> {
    const settings = await settingsOf(environment, user);
    const contacts = contactTargetOf(environment, user, settings);
    const collections = collectionsOf(settings);
    if (!contacts && !collections.length) {
      throw new ApiError('invalid_input', 400, 'sync is off for this mailbox: turn on contact sync and choose a contact folder, or turn on action sync, first');
    }
    return { environment, user, settings, ...(contacts ? { contacts } : {}), collections };
  }

  /** A preview is of the contacts. */
  async function contactPreviewTargetOf(environment: string, user: UserKey): Promise<ContactSyncTarget> {
    const target = contactTargetOf(environment, user, await settingsOf(environment, user));
    if (!target) throw new ApiError('invalid_input', 400, 'contact sync is off for this mailbox: turn it on and choose a contact folder first');
    return target;
  }

  async function portsOf(target: { environment: string; user: UserKey }) {
    const environment = environments.get(target.environment);
    const record = await store.users.get(target.user);
    if (!environment || !record) throw new ApiError('not_found', 404, 'this user is not known to the bridge: sign in to the add-in first');
    // As the API maps a user: the admin's override, else (members only) the ERP user with the same email.
    const erpUserId = record.erpUserIdOverride ?? (record.isGuest ? undefined : (await environment.erp.findUserByEmail(record.email))?.id);
    const mailbox = erpUserId === undefined ? {} : { erpUserId };
    const actor = { email: record.email, ...mailbox };
    const client = graphAccess.clientFor(target.environment, target.user);
    const folderFor = (folderId: string) => createGraphContactFolder(client, graphAccess.mailboxOf(target.user), folderId);
    return {
      folderFor,
      client,
      erpContacts: createErpContactSource(environment.erp, actor, mailbox),
      erpActions: createErpActionSource(environment.erp, actor, mailbox),
      inviteAttendees: environment.config.sync.inviteAttendees,
      actionUrlTemplate: environment.config.actionUrlTemplate,
      eventOutlookDelete: environment.config.sync.eventOutlookDelete,
      taskOutlookDelete: environment.config.sync.taskOutlookDelete,
    };
  }

  /** The contact ports of a run of `folderId`, counting what they write when the bridge has metrics. */
  function contactPortsOf(ports: Awaited<ReturnType<typeof portsOf>>, folderId: string) {
    const contactPorts = { folder: ports.folderFor(folderId), folderFor: ports.folderFor, erp: ports.erpContacts };
    return options.metrics ? countContactWrites(contactPorts, options.metrics) : contactPorts;
  }

  /** The removals the newest finished run held back, which `confirmRemovals` lets through. */
  async function heldRemovalsOf(user: UserKey): Promise<string[]> {
    const last = (await store.runs.listForUser(user, 20)).find((run) => run.kind === 'contacts' && run.status !== 'running' && run.status !== 'queued');
    if (last?.status !== 'waiting_confirmation') return [];
    return heldReportSchema.safeParse(last.report).data?.heldRemovals ?? [];
  }

  /** Runs a bridge left `running` when it stopped never finish: they are closed as failed. (Queued runs wait for their job.) */
  async function closeAbandonedRuns(user: UserKey, at: string, runId: string): Promise<void> {
    for (const run of await store.runs.listForUser(user, 20)) {
      if (run.kind !== 'contacts' || run.id === runId || run.status !== 'running') continue;
      const failure = { code: 'unavailable', message: 'the bridge stopped during this run' };
      await store.runs.update(user, run.id, { status: 'failed', stage: 'failed', finishedAt: at, report: { outcome: 'failed', startedAt: run.startedAt, finishedAt: at, failure } });
    }
  }

  async function execute(runId: string, target: MailboxRunTarget, confirmRemovals: boolean, created: () => void): Promise<ContactSyncRun> {
    const { user } = target;
    const ports = await portsOf(target);
    // Removals the last run held stay held until the user confirms them.
    const held = await heldRemovalsOf(user);
    const removals = confirmRemovals ? { confirmedRemovals: held, heldRemovals: [] } : { confirmedRemovals: [], heldRemovals: held };
    const startedAt = now().toISOString();
    await closeAbandonedRuns(user, startedAt, runId);
    // A queued run (`queueRun`) has its record already.
    const started = { status: 'running', stage: 'listing-erp', done: 0, total: 0 } as const;
    if (!(await store.runs.update(user, runId, started))) await store.runs.create({ id: runId, user, kind: 'contacts', ...started, startedAt });
    created();
    const runLogger = logger.child({ runId, environment: target.environment, user: user.objectId });
    runLogger.info({ folderId: target.contacts?.folderId, direction: target.contacts?.direction, collections: target.collections }, 'mailbox sync run started');

    // The record's progress covers every part: the parts already finished count in full; a part's end is not the run's.
    let written = { stage: '', at: 0 };
    const finished = { done: 0, total: 0 };
    const onState = async (state: RunState) => {
      if (runStatusOf(state.stage) !== 'running') {
        finished.done += state.done;
        finished.total += state.total;
        return;
      }
      const at = Date.now();
      if (state.stage === written.stage && at - written.at < progressEveryMs) return;
      written = { stage: state.stage, at };
      await store.runs.update(user, runId, { status: 'running', stage: state.stage, done: finished.done + state.done, total: finished.total + state.total });
    };
    const contactRun = target.contacts
      ? await runContactSync(target.contacts, removals, { store: createStoreContactSync(store, user, now), ...contactPortsOf(ports, target.contacts.folderId), now, newId, fullListingEveryMs, onState })
      : undefined;
    if (contactRun && options.metrics) options.metrics.countRun('contacts', contactRun.report.outcome, contactRun.report.failure?.code);
    const collections = await runActionCollections(target.collections, actionCollections, contactRun?.report.failure, {
      environment: target.environment, user, settings: target.settings, inviteAttendees: ports.inviteAttendees, eventOutlookDelete: ports.eventOutlookDelete,
      taskOutlookDelete: ports.taskOutlookDelete, client: ports.client,
      ...(ports.actionUrlTemplate === undefined ? {} : { actionUrlTemplate: ports.actionUrlTemplate }),
      mailbox: graphAccess.mailboxOf(user), erp: ports.erpActions, store, now, newId, onState,
    });
    if (options.metrics) for (const [name, part] of Object.entries(collections)) countActionCollectionRun(options.metrics, name as ActionCollectionName, part);
    const report = combineMailboxRun(contactRun?.report, collections, { startedAt, finishedAt: now().toISOString() });
    const status = report.outcome;
    const stage = status === 'succeeded' ? 'done' : status;
    await store.runs.update(user, runId, { status, stage, done: finished.done, total: finished.total, finishedAt: report.finishedAt, report });
    const summary = {
      quiet: report.quiet, applied: report.applied, failed: report.failedOperations, skipped: report.skipped, held: report.heldRemovals.length,
      collections: Object.fromEntries(Object.entries(collections).map(([name, part]) => [name, { outcome: part.outcome, applied: part.applied, failed: part.failedOperations }])),
    };
    if (status === 'failed') runLogger.warn({ ...summary, failure: report.failure }, 'mailbox sync run failed');
    else runLogger.info({ ...summary, status }, 'mailbox sync run finished');
    return { id: runId, environment: target.environment, user, status, report };
  }

  /** Starts a run, or hands back the mailbox's running one; `created` resolves once its record exists. */
  function start(environment: string, user: UserKey, confirmRemovals: boolean, queuedRunId?: string): { runId: string; created: Promise<void>; done: Promise<ContactSyncRun> } {
    const key = mailboxKey(user);
    const current = running.get(key);
    if (current) return { ...current, created: Promise.resolve() };
    if (closed) throw new ApiError('unavailable', 503, 'the bridge is stopping: sync runs are not started any more');
    const runId = queuedRunId ?? newId();
    let markCreated = () => {};
    const created = new Promise<void>((resolve) => (markCreated = resolve));
    // The lock is taken before the first await, so two calls at once never start two runs; it is
    // released before the run's promise settles, so whoever waited for the run may start the next.
    const done = (async () => {
      try {
        return await execute(runId, await targetOf(environment, user), confirmRemovals, markCreated);
      } finally {
        if (running.get(key)?.runId === runId) running.delete(key);
      }
    })();
    running.set(key, { runId, done });
    runs.set(runId, done);
    if (runs.size > rememberedRuns) runs.delete(runs.keys().next().value ?? '');
    done.catch((error: unknown) => logger.warn({ err: error, runId }, 'contact sync run did not start or could not be recorded'));
    return { runId, created, done };
  }

  async function dueMailboxes(): Promise<ContactSyncMailbox[]> {
    const due: ContactSyncMailbox[] = [];
    const nowMs = now().getTime();
    for (const [environment, configured] of environments) {
      if (!(await store.activations.get(environment))?.syncActivated) continue;
      const { policy } = await readSyncPolicy(store, configured.config);
      for (const record of await store.users.listByEnvironment(environment)) {
        const user = { tenantId: record.tenantId, objectId: record.objectId };
        if (running.has(mailboxKey(user))) continue;
        try {
          const saved = await store.settings.get(user);
          const settings = saved && resolveSyncSettings(saved, policy);
          if (!settings || (!contactTargetOf(environment, user, settings) && !collectionsOf(settings).length)) continue;
          if (!(await graphAccess.isConnected(environment, user))) continue;
          const latest = await store.runs.listForUser(user, 20);
          if (!isMailboxDue(latest, nowMs, random)) continue;
          const gapMs = (await options.pollGapMs?.({ environment, user })) ?? 0;
          const lastStarted = latest.find((run) => run.kind === 'contacts')?.startedAt;
          if (lastStarted === undefined || nowMs - Date.parse(lastStarted) >= gapMs) due.push({ environment, user });
        } catch (error) {
          logger.warn({ err: error, environment, user: user.objectId }, 'mailbox skipped by the contact sync schedule');
        }
      }
    }
    return due;
  }

  return {
    async preview(environment, user) {
      const target = await contactPreviewTargetOf(environment, user);
      const ports = await portsOf(target);
      return previewContactSync(target, { store: createStoreContactSync(store, user, now), folder: ports.folderFor(target.folderId), erp: ports.erpContacts, now, newId });
    },

    async runNow(environment, user, runOptions = {}) {
      const { runId, created, done } = start(environment, user, runOptions.confirmRemovals ?? false, runOptions.runId);
      await Promise.race([created, done]);
      return { runId };
    },

    async queueRun(environment, user, runId) {
      await portsOf(await targetOf(environment, user));
      await store.runs.create({ id: runId, user, kind: 'contacts', status: 'queued', stage: 'queued', done: 0, total: 0, startedAt: now().toISOString() });
    },

    waitForRun(runId) {
      return runs.get(runId) ?? Promise.reject(new ApiError('not_found', 404, `run ${runId} was not started by this bridge`));
    },

    dueMailboxes,

    async runDueMailboxes() {
      const queue = await dueMailboxes();
      passes.add(queue);
      const started: string[] = [];
      const worker = async () => {
        for (let next = queue.shift(); next !== undefined && !closed; next = queue.shift()) {
          const { runId, done } = start(next.environment, next.user, false);
          started.push(runId);
          await done.catch(() => undefined);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, options.maxConcurrentRuns ?? 4) }, worker)).finally(() => passes.delete(queue));
      return started;
    },

    waitingRuns: () => [...passes].reduce((sum, queue) => sum + queue.length, 0),

    async close() {
      closed = true;
      await Promise.allSettled([...running.values()].map(({ done }) => done));
    },
  };
}
