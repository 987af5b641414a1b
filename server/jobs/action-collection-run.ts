import type { SyncSettings } from '../../src/domain/sync-settings';
import type { GraphClient } from '../../src/graph/create-graph-client';
import type { Mailbox } from '../../src/graph/mailbox-path';
import type { ErpActionSource } from '../../src/sync/actions/erp-action-source';
import type { RunFailure, RunState } from '../../src/sync/run-state';
import type { Store, UserKey } from '../store/store';

/** What a mailbox run hands each action collection (events, tasks) it syncs after contacts. */
export interface ActionCollectionRunInput {
  environment: string;
  user: UserKey;
  /** The user's settings as the environment's sync policy allows them now (`readUserSettings`). */
  settings: SyncSettings;
  /** Whether the environment lets sync write attendees (which sends invitations); off by default. */
  inviteAttendees: boolean;
  /**
   * The environment's link to an ERP action (`erp.actionUrlTemplate`, `{id}` replaced by the
   * action's id), carried by the items sync creates; absent: no link.
   */
  actionUrlTemplate?: string;
  /** What deleting a synced event in Outlook does to its action (`sync.events.outlookDelete`); absent: `suppress`. */
  eventOutlookDelete?: 'suppress' | 'cancel';
  /** What deleting a synced task in To Do does to its action (`sync.tasks.outlookDelete`); absent: `suppress`. */
  taskOutlookDelete?: 'suppress' | 'cancel';
  client: GraphClient;
  mailbox: Mailbox;
  /** The actions the mailbox's ERP user owns. */
  erp: ErpActionSource;
  store: Store;
  now: () => Date;
  newId: () => string;
  onState: (state: RunState) => Promise<void>;
}

/** One collection's part of a mailbox run, kept in the run's report under its collection's name. */
export interface ActionCollectionReport {
  outcome: 'succeeded' | 'partial' | 'failed';
  /** Nothing changed on either side, and the run sent one Graph request for this collection. */
  quiet: boolean;
  /** Outlook items created, updated and removed; ERP actions created and updated. */
  applied: { outlookCreated: number; outlookUpdated: number; outlookRemoved: number; erpCreated: number; erpUpdated: number };
  /** Item failures, which leave the rest of the run going. */
  failedOperations: number;
  failure?: RunFailure;
  startedAt: string;
  finishedAt: string;
}

/** Syncs one action collection of one mailbox; item failures are in the report, a run-level one too (it never throws for them). */
export type ActionCollectionRun = (input: ActionCollectionRunInput) => Promise<ActionCollectionReport>;
