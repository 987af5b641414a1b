import type { TaskConflict } from './task-conflict';
import type { TaskLink } from './task-link';

/** What a mailbox's task sync keeps between runs, saved in the same transaction as the links it produced. */
export interface TaskSyncState {
  /** The To Do list in use, the list name of the settings it was found or created for, and whether it is shared. */
  list?: { id: string; name: string; isShared: boolean };
  deltaLink?: string;
  erpCursor?: string;
  /** When the ERP's actions in scope were last listed whole. */
  erpListedAt?: string;
}

/** Writes of one transaction. */
export interface TaskSyncWriter {
  saveLink(link: TaskLink): Promise<void>;
  removeLink(erpId: string): Promise<void>;
  addConflict(conflict: TaskConflict): Promise<void>;
  /** Replaces the state: a member left out is removed. */
  saveState(state: TaskSyncState): Promise<void>;
}

/** The bridge store as task sync sees it; its adapter is `createStoreTaskSync` (`server/jobs`). */
export interface TaskSyncStore {
  readState(): Promise<TaskSyncState>;
  /** Every task link of the mailbox. */
  listLinks(): Promise<TaskLink[]>;
  /** The task conflicts of the mailbox, open and resolved. */
  listConflicts(): Promise<TaskConflict[]>;
  /** Runs `work` in one transaction, rolled back when it throws. */
  transaction<T>(work: (writer: TaskSyncWriter) => Promise<T>): Promise<T>;
}
