import type { SyncError } from '../sync-error';
import type { OutlookTask } from './outlook-task';
import type { TaskContent } from './task-content';

/** A To Do list: its id, the name it has now, and whether its owner shares it with others. */
export interface TaskListInfo {
  id: string;
  displayName: string;
  isShared: boolean;
}

/** The list the run reads and writes. */
export interface TaskListTarget {
  listId: string;
}

/** One write of a run, sent with others in one round trip. */
export type OutlookTaskWrite =
  | { kind: 'create'; content: TaskContent; tag: string }
  /** With the change key the plan read: refused (`precondition_failed`) when the user changed the task since. */
  | { kind: 'update'; outlookId: string; changeKey: string; changes: Partial<TaskContent> }
  | { kind: 'remove'; outlookId: string }
  /** Links a task the user made to the ERP action made from it: its linked resource. */
  | { kind: 'tag'; outlookId: string; tag: string; title: string };

/**
 * A write's outcome: the task's id and change key after a create or update (a removal of a task
 * already gone succeeds). A failed create whose `outcomeUnknown` is set may have been made.
 */
export type OutlookTaskWriteAnswer = { ok: true; id?: string; changeKey?: string } | { ok: false; error: SyncError };

/** What a delta round reported since its link (without one: everything the list holds). */
export interface TaskDeltaRound {
  /** Added or changed tasks, each once (the last the round gave). */
  changed: OutlookTask[];
  /** Ids of tasks deleted or moved out of the list. */
  removed: string[];
  deltaLink: string;
}

/**
 * The user's To Do, the task collection's port; its adapter is `createGraphTaskList`
 * (`src/graph/todo`). Failures throw `SyncError`.
 */
export interface OutlookTaskList {
  /** The list with this id, or `undefined` when the user deleted it. */
  findList(listId: string): Promise<TaskListInfo | undefined>;
  /** The first list with this display name (ignoring case), or `undefined`. */
  findListByName(displayName: string): Promise<TaskListInfo | undefined>;
  createList(displayName: string): Promise<TaskListInfo>;
  /**
   * One whole delta round from `deltaLink` (a full round without it), tasks with their linked
   * resources; throws `cursor_expired` on a stale link and `not_found` when the list is gone.
   */
  readChanges(target: TaskListTarget, deltaLink: string | undefined): Promise<TaskDeltaRound>;
  /** Every task of the list with its tag: how a create whose answer was lost is found before it is sent again. */
  listTasks(target: TaskListTarget): Promise<OutlookTask[]>;
  /**
   * Sends the writes together (Graph: `$batch`es of 20). A create carries its category `ERP` and the
   * linked resource holding its tag in the same request. Answers are in the order of `writes`.
   */
  write(target: TaskListTarget, writes: readonly OutlookTaskWrite[]): Promise<OutlookTaskWriteAnswer[]>;
}
