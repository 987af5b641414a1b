import type { TaskConflict } from '../../src/sync/tasks/task-conflict';
import type { TaskLink } from '../../src/sync/tasks/task-link';
import type { TaskSyncState, TaskSyncStore, TaskSyncWriter } from '../../src/sync/tasks/task-sync-store';

/** The bridge store in memory; a transaction that throws leaves nothing behind. */
export class FakeTaskSyncStore implements TaskSyncStore {
  state: TaskSyncState = {};
  links = new Map<string, TaskLink>();
  conflicts: TaskConflict[] = [];

  async readState(): Promise<TaskSyncState> {
    return structuredClone(this.state);
  }

  async listLinks(): Promise<TaskLink[]> {
    return [...this.links.values()].map((link) => structuredClone(link));
  }

  async listConflicts(): Promise<TaskConflict[]> {
    return structuredClone(this.conflicts);
  }

  async transaction<T>(work: (writer: TaskSyncWriter) => Promise<T>): Promise<T> {
    const draft = { state: structuredClone(this.state), links: new Map(this.links), conflicts: [...this.conflicts] };
    const result = await work({
      saveLink: async (link) => void draft.links.set(link.erpId, structuredClone(link)),
      removeLink: async (erpId) => void draft.links.delete(erpId),
      addConflict: async (conflict) => void draft.conflicts.push(structuredClone(conflict)),
      saveState: async (state) => void (draft.state = structuredClone(state)),
    });
    Object.assign(this, draft);
    return result;
  }

  /** The user resolves an open conflict in the pane. */
  resolve(id: string, resolution: 'erp' | 'outlook', at: string): void {
    this.conflicts = this.conflicts.map((conflict) => (conflict.id === id ? { ...conflict, status: 'resolved', resolution, resolvedAt: at } : conflict));
  }
}
