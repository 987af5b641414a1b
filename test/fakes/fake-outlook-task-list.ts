import { SyncError } from '../../src/sync/sync-error';
import type { OutlookTask } from '../../src/sync/tasks/outlook-task';
import type { OutlookTaskList, OutlookTaskWrite, OutlookTaskWriteAnswer, TaskDeltaRound, TaskListInfo, TaskListTarget } from '../../src/sync/tasks/outlook-task-list';
import type { TaskContent } from '../../src/sync/tasks/task-content';
import type { FakeClock } from './fake-clock';

interface StoredTask extends OutlookTask {
  listId: string;
  categories: string[];
}

/**
 * A user's To Do in memory, with To Do's semantics as the port sees them: delta rounds per list
 * (a link is `delta:<list>:<sequence>`; links in `expiredLinks` answer `cursor_expired`), a
 * deleted list answers `not_found`, every write a new change key. `loseAnswer` makes a write happen
 * while its answer is lost (a create's outcome unknown). `requests` counts Graph requests as the
 * adapter would send them (a batch of writes is one).
 */
export class FakeOutlookTaskList implements OutlookTaskList {
  readonly lists = new Map<string, TaskListInfo>();
  readonly tasks = new Map<string, StoredTask>();
  readonly expiredLinks = new Set<string>();
  loseAnswer: (write: OutlookTaskWrite) => boolean = () => false;
  /** Runs just before a round of writes arrives, e.g. as the user edits a task meanwhile. */
  beforeWrite: () => void = () => undefined;
  requests = 0;
  private readonly log: { sequence: number; listId: string; taskId: string }[] = [];
  private sequence = 0;
  private nextId = 0;

  constructor(private readonly clock: FakeClock) {}

  /** The user makes a list in To Do. */
  addList(displayName: string, isShared = false): TaskListInfo {
    const list = { id: this.newId('list'), displayName, isShared };
    this.lists.set(list.id, list);
    return list;
  }

  /** The user (or another app) adds a task. */
  addTask(listId: string, content: TaskContent, tag?: string, categories: string[] = []): OutlookTask {
    const now = this.clock.now();
    const task: StoredTask = { id: this.newId('task'), listId, categories, changeKey: this.newId('ck'), ...content, ...(tag ? { tag } : {}), createdDateTime: now, lastModifiedDateTime: now };
    this.tasks.set(task.id, task);
    this.changed(task);
    return this.view(task);
  }

  /** The user edits a task in To Do. */
  edit(taskId: string, changes: Partial<TaskContent>): void {
    const task = this.require(taskId);
    Object.assign(task, changes, { changeKey: this.newId('ck'), lastModifiedDateTime: this.clock.now() });
    this.changed(task);
  }

  /** The user deletes a task. */
  delete(taskId: string): void {
    const task = this.require(taskId);
    this.tasks.delete(taskId);
    this.changed(task);
  }

  deleteList(listId: string): void {
    for (const task of this.tasksIn(listId)) this.delete(task.id);
    this.lists.delete(listId);
  }

  tasksIn(listId: string): OutlookTask[] {
    return [...this.tasks.values()].filter((task) => task.listId === listId).map((task) => this.view(task));
  }

  categoriesOf(taskId: string): string[] {
    return [...this.require(taskId).categories];
  }

  async findList(listId: string): Promise<TaskListInfo | undefined> {
    this.requests += 1;
    return this.lists.get(listId);
  }

  async findListByName(displayName: string): Promise<TaskListInfo | undefined> {
    this.requests += 1;
    return [...this.lists.values()].find((list) => list.displayName.toLowerCase() === displayName.trim().toLowerCase());
  }

  async createList(displayName: string): Promise<TaskListInfo> {
    this.requests += 1;
    return this.addList(displayName);
  }

  async readChanges(target: TaskListTarget, deltaLink: string | undefined): Promise<TaskDeltaRound> {
    this.requests += 1;
    if (!this.lists.has(target.listId)) throw new SyncError('not_found', 'The list is gone.', { status: 404 });
    if (deltaLink !== undefined && this.expiredLinks.has(deltaLink)) throw new SyncError('cursor_expired', 'Sync state not found.', { status: 410 });
    const end = `delta:${target.listId}:${this.sequence}`;
    if (deltaLink === undefined) return { changed: this.tasksIn(target.listId), removed: [], deltaLink: end };
    const since = Number(deltaLink.split(':')[2]);
    const touched = new Set(this.log.filter((entry) => entry.listId === target.listId && entry.sequence > since).map((entry) => entry.taskId));
    const changed = [...touched].flatMap((id) => {
      const task = this.tasks.get(id);
      return task ? [this.view(task)] : [];
    });
    return { changed, removed: [...touched].filter((id) => !this.tasks.has(id)), deltaLink: end };
  }

  async listTasks(target: TaskListTarget): Promise<OutlookTask[]> {
    this.requests += 1;
    return this.tasksIn(target.listId);
  }

  async write(target: TaskListTarget, writes: readonly OutlookTaskWrite[]): Promise<OutlookTaskWriteAnswer[]> {
    this.requests += Math.ceil(writes.length / 20);
    this.beforeWrite();
    return writes.map((write) => {
      const answer = this.apply(target, write);
      if (answer.ok && this.loseAnswer(write)) return { ok: false, error: new SyncError('unavailable', 'The connection was reset.', { outcomeUnknown: true }) };
      return answer;
    });
  }

  private apply(target: TaskListTarget, write: OutlookTaskWrite): OutlookTaskWriteAnswer {
    switch (write.kind) {
      case 'create': {
        const task = this.addTask(target.listId, write.content, write.tag, ['ERP']);
        return { ok: true, id: task.id, changeKey: task.changeKey };
      }
      case 'update': {
        if (!this.tasks.has(write.outlookId)) return { ok: false, error: new SyncError('not_found', 'The task is gone.', { status: 404 }) };
        if (write.changeKey !== '' && write.changeKey !== this.require(write.outlookId).changeKey) return { ok: false, error: new SyncError('precondition_failed', 'The change key is stale.', { status: 412 }) };
        this.edit(write.outlookId, write.changes);
        return { ok: true, id: write.outlookId, changeKey: this.require(write.outlookId).changeKey };
      }
      case 'remove':
        if (!this.tasks.has(write.outlookId)) return { ok: false, error: new SyncError('not_found', 'The task is gone.', { status: 404 }) };
        this.delete(write.outlookId);
        return { ok: true };
      case 'tag': {
        if (!this.tasks.has(write.outlookId)) return { ok: false, error: new SyncError('not_found', 'The task is gone.', { status: 404 }) };
        // A new linked resource changes its task (its change key), as To Do does.
        Object.assign(this.require(write.outlookId), { tag: write.tag, changeKey: this.newId('ck'), lastModifiedDateTime: this.clock.now() });
        this.changed(this.require(write.outlookId));
        return { ok: true };
      }
    }
  }

  private view({ listId: _listId, ...task }: StoredTask): OutlookTask {
    return structuredClone(task);
  }

  private require(taskId: string): StoredTask {
    const task = this.tasks.get(taskId);
    if (!task) throw new Error(`no task ${taskId}`);
    return task;
  }

  private changed(task: StoredTask): void {
    this.sequence += 1;
    this.log.push({ sequence: this.sequence, listId: task.listId, taskId: task.id });
  }

  private newId(prefix: string): string {
    this.nextId += 1;
    return `${prefix}-${this.nextId}`;
  }
}
