import { DeltaTokenStore } from './delta-token-store';
import { FolderChangeLog } from './folder-change-log';
import { formatGraphDateTime } from './format-graph-date-time';
import { GraphError, itemNotFound } from './graph-error';
import type { MailboxChangeFeed } from './mailbox-change-feed';
import type { MailboxIdFactory } from './mailbox-id-factory';
import type { DeltaRoundToken } from './read-delta-round-page';
import { utcTimeZone } from './resolve-time-zone';
import type { LinkedResourceInput, LinkedResourceRecord, TodoListRecord, TodoTaskInput, TodoTaskRecord } from './todo-record';
import { epochToLocalDateTime } from './zoned-date-time';

export interface TodoStoreDeps {
  ids: MailboxIdFactory;
  feed: MailboxChangeFeed;
  now: () => number;
  deltaTokenCapacity: number;
}

/** What a task delta round was asked for: `$select` and `$expand=linkedResources`. */
export interface TodoTaskDeltaOptions {
  select: readonly string[] | undefined;
  expandLinkedResources: boolean;
}

/**
 * One mailbox's Microsoft To Do: the default list ("Tasks"), the lists the user made, their
 * tasks and each task's linked resources. A change to a linked resource is a change to its task.
 */
export class TodoStore {
  readonly defaultListId: string;
  readonly changeLog = new FolderChangeLog();
  readonly deltaTokens: DeltaTokenStore<DeltaRoundToken<TodoTaskDeltaOptions>>;
  private readonly listsById = new Map<string, TodoListRecord>();
  private readonly tasksById = new Map<string, TodoTaskRecord>();

  constructor(private readonly deps: TodoStoreDeps) {
    this.deltaTokens = new DeltaTokenStore(deps.deltaTokenCapacity);
    this.defaultListId = deps.ids.todoListId();
    this.listsById.set(this.defaultListId, {
      id: this.defaultListId,
      displayName: 'Tasks',
      changeKey: deps.ids.changeKey(),
      wellknownListName: 'defaultList',
    });
  }

  listLists(): TodoListRecord[] {
    return [...this.listsById.values()];
  }

  requireList(listId: string): TodoListRecord {
    const list = this.listsById.get(listId);
    if (!list) throw itemNotFound();
    return list;
  }

  createList(displayName: string): TodoListRecord {
    const list = { id: this.deps.ids.todoListId(), displayName, changeKey: this.deps.ids.changeKey(), wellknownListName: 'none' as const };
    this.listsById.set(list.id, list);
    return list;
  }

  renameList(listId: string, displayName: string): TodoListRecord {
    const list = this.requireList(listId);
    list.displayName = displayName;
    list.changeKey = this.deps.ids.changeKey();
    return list;
  }

  deleteList(listId: string): void {
    const list = this.requireList(listId);
    if (list.wellknownListName === 'defaultList') throw new GraphError(400, 'invalidRequest', 'The default task list cannot be deleted.');
    for (const task of this.tasksIn(listId)) this.deleteTask(task);
    this.listsById.delete(listId);
    this.changeLog.forget(listId);
  }

  task(taskId: string): TodoTaskRecord | undefined {
    return this.tasksById.get(taskId);
  }

  /** Tasks of one list in creation order. */
  tasksIn(listId: string): TodoTaskRecord[] {
    return [...this.tasksById.values()].filter((task) => task.listId === listId);
  }

  allTasks(): TodoTaskRecord[] {
    return [...this.tasksById.values()];
  }

  createTask(listId: string, input: TodoTaskInput): TodoTaskRecord {
    this.requireList(listId);
    const sequence = this.deps.feed.next();
    const now = formatGraphDateTime(this.deps.now());
    const task: TodoTaskRecord = {
      id: this.deps.ids.todoTaskId(),
      listId,
      fields: {
        title: '',
        body: { contentType: 'text', content: '' },
        importance: 'normal',
        status: 'notStarted',
        categories: [],
        isReminderOn: false,
        dueDateTime: null,
        startDateTime: null,
        reminderDateTime: null,
        completedDateTime: null,
        ...input.fields,
      },
      linkedResources: input.linkedResources.map((resource) => this.newLinkedResource(resource)),
      createdDateTime: now,
      lastModifiedDateTime: now,
      bodyLastModifiedDateTime: now,
      changeKey: this.deps.ids.changeKey(),
    };
    this.settleCompletion(task, input, false);
    this.tasksById.set(task.id, task);
    this.logChange(task, sequence, 'created');
    return task;
  }

  updateTask(task: TodoTaskRecord, input: TodoTaskInput): TodoTaskRecord {
    const sequence = this.deps.feed.next();
    const wasCompleted = task.fields.status === 'completed';
    Object.assign(task.fields, input.fields);
    this.settleCompletion(task, input, wasCompleted);
    this.touch(task, input.fields.body !== undefined);
    this.logChange(task, sequence, 'updated');
    return task;
  }

  deleteTask(task: TodoTaskRecord): void {
    const sequence = this.deps.feed.next();
    this.tasksById.delete(task.id);
    this.logChange(task, sequence, 'deleted');
  }

  addLinkedResource(task: TodoTaskRecord, input: LinkedResourceInput): LinkedResourceRecord {
    const resource = this.newLinkedResource(input);
    this.changeTask(task, () => task.linkedResources.push(resource));
    return resource;
  }

  updateLinkedResource(task: TodoTaskRecord, resource: LinkedResourceRecord, input: LinkedResourceInput): LinkedResourceRecord {
    this.changeTask(task, () => Object.assign(resource, input));
    return resource;
  }

  deleteLinkedResource(task: TodoTaskRecord, resource: LinkedResourceRecord): void {
    this.changeTask(task, () => task.linkedResources.splice(task.linkedResources.indexOf(resource), 1));
  }

  private newLinkedResource(input: LinkedResourceInput): LinkedResourceRecord {
    return { webUrl: null, applicationName: null, displayName: null, externalId: null, ...input, id: this.deps.ids.guid() };
  }

  /**
   * To Do stamps `completedDateTime` when a task becomes completed without one, and clears it
   * when the task is reopened.
   */
  private settleCompletion(task: TodoTaskRecord, input: TodoTaskInput, wasCompleted: boolean): void {
    if (task.fields.status !== 'completed') {
      task.fields.completedDateTime = null;
    } else if (task.fields.completedDateTime === null || (!wasCompleted && input.fields.completedDateTime === undefined)) {
      const epochMs = this.deps.now();
      task.fields.completedDateTime = { epochMs, local: epochToLocalDateTime(epochMs, 'UTC'), timeZone: utcTimeZone };
    }
  }

  private changeTask(task: TodoTaskRecord, change: () => void): void {
    const sequence = this.deps.feed.next();
    change();
    this.touch(task, false);
    this.logChange(task, sequence, 'updated');
  }

  private touch(task: TodoTaskRecord, bodyChanged: boolean): void {
    const now = formatGraphDateTime(this.deps.now());
    task.lastModifiedDateTime = now;
    if (bodyChanged) task.bodyLastModifiedDateTime = now;
    task.changeKey = this.deps.ids.changeKey();
  }

  private logChange(task: TodoTaskRecord, sequence: number, changeType: 'created' | 'updated' | 'deleted'): void {
    this.changeLog.append(task.listId, { sequence, itemKey: task.id, restId: task.id });
    this.deps.feed.publish({
      kind: 'task',
      containerId: task.listId,
      itemId: task.id,
      immutableId: task.id,
      changeType,
      ...(changeType === 'deleted' ? {} : { changeKey: task.changeKey }),
    });
  }
}
