import { z } from 'zod';
import { actionStatuses } from '../../src/domain/erp-records';
import type { TaskConflict } from '../../src/sync/tasks/task-conflict';
import type { TaskLink } from '../../src/sync/tasks/task-link';
import type { TaskSyncState, TaskSyncStore, TaskSyncWriter } from '../../src/sync/tasks/task-sync-store';
import type { Store, UserKey } from '../store/store';

/** Cursor rows of the task collection: the list in use, the list's delta link and the ERP feed's cursor. */
const cursorKeys = { list: 'tasks:list', deltaLink: 'tasks:delta', erpCursor: 'tasks:erp', erpListedAt: 'tasks:erp-listed' } as const;

const snapshotSchema = z.object({
  subject: z.string(),
  notes: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(actionStatuses),
  version: z.number().int(),
  changeKey: z.string(),
});
const listSchema = z.object({ id: z.string().min(1), name: z.string(), isShared: z.boolean() });
const taskFields = new Set(['subject', 'notes', 'dueDate', 'status']);
const isTaskField = (field: string): field is TaskConflict['field'] => taskFields.has(field);

function writerOver(store: Store, user: UserKey, now: string): TaskSyncWriter {
  const putCursor = (collection: string, value: string | undefined) =>
    value === undefined ? store.cursors.remove(user, collection).then(() => undefined) : store.cursors.put({ user, collection, value, updatedAt: now });
  return {
    saveLink: (link) => store.links.upsert({ user, entity: 'task', erpId: link.erpId, outlookId: link.outlookId, state: link.state, snapshot: { ...link.snapshot }, missedListings: link.missedListings, updatedAt: link.updatedAt }),
    removeLink: (erpId) => store.links.remove(user, 'task', erpId).then(() => undefined),
    addConflict: (conflict) => store.conflicts.add({ ...conflict, user, entity: 'task' }),
    async saveState(state) {
      await putCursor(cursorKeys.list, state.list === undefined ? undefined : JSON.stringify(state.list));
      await putCursor(cursorKeys.deltaLink, state.deltaLink);
      await putCursor(cursorKeys.erpCursor, state.erpCursor);
      await putCursor(cursorKeys.erpListedAt, state.erpListedAt);
    },
  };
}

/**
 * The bridge store as one mailbox's task sync sees it: links of entity `task` (their snapshot is the
 * last synced task), its cursors, and its conflicts. A stored row that does not read as what task
 * sync wrote fails the run rather than being taken for something else.
 */
export function createStoreTaskSync(store: Store, user: UserKey, now: () => Date): TaskSyncStore {
  return {
    async readState() {
      const [list, deltaLink, erpCursor, erpListedAt] = await Promise.all(Object.values(cursorKeys).map((key) => store.cursors.get(user, key)));
      const state: TaskSyncState = {};
      if (list) state.list = listSchema.parse(JSON.parse(list.value));
      if (deltaLink) state.deltaLink = deltaLink.value;
      if (erpCursor) state.erpCursor = erpCursor.value;
      if (erpListedAt) state.erpListedAt = erpListedAt.value;
      return state;
    },
    async listLinks() {
      const links = await store.links.listForUser(user, 'task');
      return links.map((link): TaskLink => ({ erpId: link.erpId, outlookId: link.outlookId, state: link.state, snapshot: snapshotSchema.parse(link.snapshot), missedListings: link.missedListings, updatedAt: link.updatedAt }));
    },
    async listConflicts() {
      const conflicts = await store.conflicts.listForUser(user);
      return conflicts.flatMap(({ user: _user, entity, field, ...conflict }): TaskConflict[] => (entity === 'task' && isTaskField(field) ? [{ ...conflict, field }] : []));
    },
    transaction: (work) => store.transaction((inner) => work(writerOver(inner, user, now().toISOString()))),
  };
}
