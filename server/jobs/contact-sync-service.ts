import type { Logger } from 'pino';
import type { ErpPort } from '../../src/domain/erp-port';
import type { ContactSyncPreview } from '../../src/sync/contacts/contact-sync-preview';
import type { EnvironmentConfig } from '../config/config-schema';
import type { BridgeMetrics } from '../metrics/create-bridge-metrics';
import type { Store, UserKey } from '../store/store';
import type { ActionCollectionRun } from './action-collection-run';
import type { GraphAccess } from './create-graph-access';
import type { MailboxRunReport } from './mailbox-run-report';

/** One operation of a preview, enough for the add-in to show what will happen. */
export interface ContactSyncRun {
  id: string;
  environment: string;
  user: UserKey;
  status: 'succeeded' | 'failed' | 'waiting_confirmation';
  report: MailboxRunReport;
}

/** A mailbox in one of the bridge's environments. */
export interface ContactSyncMailbox {
  environment: string;
  user: UserKey;
}

/** An environment as the bridge opened it (`BridgeEnvironment`). */
export interface ContactSyncEnvironment {
  config: EnvironmentConfig;
  erp: ErpPort;
}

export interface ContactSyncServiceOptions {
  store: Store;
  environments: ReadonlyMap<string, ContactSyncEnvironment>;
  graphAccess: Pick<GraphAccess, 'clientFor' | 'mailboxOf' | 'isConnected'>;
  logger: Logger;
  now?: () => Date;
  /** Run and conflict ids. */
  newId?: () => string;
  /** Mailboxes `runDueMailboxes` syncs at once (Graph's limits are per mailbox, the ERP is shared). */
  maxConcurrentRuns?: number;
  /** A run lists both sides in full at least this often even when neither reports a change (a scope change with no tombstone). */
  fullListingEveryMs?: number;
  random?: () => number;
  /** Counts runs, the items they write and the items that fail (`/metrics`). */
  metrics?: Pick<BridgeMetrics, 'countRun' | 'countWritten' | 'countItemFailure'>;
  /** The action collections a mailbox run syncs after its contacts, each when the user's settings turn it on. */
  actionCollections?: { events?: ActionCollectionRun; tasks?: ActionCollectionRun };
}

/**
 * Contact sync of the mailboxes whose users turned it on (DESIGN §5): ERP contacts into the
 * user's chosen Outlook folder, and back in `two-way`.
 */
export interface ContactSyncService {
  /** What a run would do now: counts and samples of each kind of change. No write to Graph, the ERP or the store. */
  preview(environment: string, user: UserKey): Promise<ContactSyncPreview>;
  /**
   * Starts a run in the background and answers with its id once its `RunRecord` exists. While a
   * run of the mailbox is going, answers with that run's id instead (its options then do not apply).
   * `confirmRemovals` lets through the removals the last run held for confirmation; `runId` carries
   * out a run `queueRun` recorded, under its id.
   */
  runNow(environment: string, user: UserKey, options?: { confirmRemovals?: boolean; runId?: string }): Promise<{ runId: string }>;
  /** Records a run `queued` for a job queue to carry out later with `runNow`; refuses what `runNow` refuses (sync off, unknown user). */
  queueRun(environment: string, user: UserKey, runId: string): Promise<void>;
  /** Resolves when a run this instance started has finished. */
  waitForRun(runId: string): Promise<ContactSyncRun>;
  /** The mailboxes to sync now: sync on, folder chosen, environment activated, connected, not backing off after a failure, no run going in this bridge. */
  dueMailboxes(): Promise<ContactSyncMailbox[]>;
  /** Runs every mailbox that is due (`dueMailboxes`); resolves with their run ids once they finished. */
  runDueMailboxes(): Promise<string[]>;
  /** Mailboxes of the schedule's pass going now that wait for their run to start. */
  waitingRuns(): number;
  /** Refuses new runs and waits for the ones in flight. */
  close(): Promise<void>;
}
