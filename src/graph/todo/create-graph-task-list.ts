import type { TodoTaskList } from '@microsoft/microsoft-graph-types';
import type { OutlookTask } from '../../sync/tasks/outlook-task';
import type { OutlookTaskList, OutlookTaskWrite, TaskDeltaRound, TaskListInfo, TaskListTarget } from '../../sync/tasks/outlook-task-list';
import { SyncError } from '../../sync/sync-error';
import { batch, type BatchRequest } from '../batch';
import type { GraphClient } from '../create-graph-client';
import type { GraphCollection } from '../graph-collection';
import { mailboxPath, type Mailbox } from '../mailbox-path';
import { odataQuery } from '../odata-query';
import { readAllPages } from '../read-all-pages';
import { listTasksPath } from './todo-paths';
import { toGraphTask } from './to-graph-task';
import { changeKeyOfEtag, type GraphTodoTask, toOutlookTask } from './to-outlook-task';

export interface GraphTaskListOptions {
  /** The `applicationName` of the linked resource a created task carries. */
  applicationName: string;
  /** A link to the ERP record, for the linked resource's `webUrl`; none when the environment has no record URL. */
  recordUrl?: (erpId: string) => string;
}

/** Graph's largest task page; delta pages are asked for at this size too. */
const pageSize = 200;

type DeltaItem = GraphTodoTask & { '@removed'?: { reason?: string } };

const toInfo = (list: TodoTaskList): TaskListInfo => ({ id: list.id ?? '', displayName: list.displayName ?? '', isShared: list.isShared ?? false });

/**
 * The user's Microsoft To Do over the Graph gateway (Tasks.ReadWrite). Tasks are created with
 * their category `ERP` and the linked resource holding their tag in one POST (the create body may
 * carry `linkedResources`); Graph documents no `$filter` on linked resources, so a lost create is
 * found by listing the list's tasks with `$expand=linkedResources`. Delta rounds expand them too.
 *
 * @example const list = createGraphTaskList(graph, userId, { applicationName: 'ERP Bridge' });
 */
export function createGraphTaskList(client: GraphClient, mailbox: Mailbox, options: GraphTaskListOptions): OutlookTaskList {
  const listsPath = `${mailboxPath(mailbox)}/todo/lists`;
  const linkedResourceOf = (tag: string, title: string) => {
    const webUrl = options.recordUrl?.(tag.slice(tag.indexOf(':') + 1));
    return { applicationName: options.applicationName, displayName: title, externalId: tag, ...(webUrl ? { webUrl } : {}) };
  };

  const toRequest = (target: TaskListTarget, write: OutlookTaskWrite, id: string): BatchRequest => {
    const tasksPath = listTasksPath(mailbox, target.listId);
    switch (write.kind) {
      case 'create': {
        const linkedResource = linkedResourceOf(write.tag, write.content.title);
        return {
          id, method: 'POST', url: tasksPath,
          body: { ...toGraphTask(write.content), importance: 'normal', categories: ['ERP'], linkedResources: [linkedResource] },
        };
      }
      case 'update':
        return {
          id, method: 'PATCH', url: `${tasksPath}/${encodeURIComponent(write.outlookId)}`, body: toGraphTask(write.changes),
          // An adopted task's change key is not known yet: then the write goes unconditionally.
          ...(write.changeKey === '' ? {} : { headers: { 'If-Match': `W/"${write.changeKey}"` } }),
        };
      case 'remove':
        return { id, method: 'DELETE', url: `${tasksPath}/${encodeURIComponent(write.outlookId)}` };
      case 'tag':
        return { id, method: 'POST', url: `${tasksPath}/${encodeURIComponent(write.outlookId)}/linkedResources`, body: linkedResourceOf(write.tag, write.title) };
    }
  };

  return {
    async findList(listId) {
      try {
        return toInfo(await client.request<TodoTaskList>('GET', `${listsPath}/${encodeURIComponent(listId)}`, { mailbox }));
      } catch (error) {
        if (error instanceof SyncError && error.code === 'not_found') return undefined;
        throw error;
      }
    },

    async findListByName(displayName) {
      const lists = await readAllPages<TodoTaskList>(client, listsPath, { mailbox });
      const wanted = displayName.trim().toLowerCase();
      const found = lists.find((list) => (list.displayName ?? '').trim().toLowerCase() === wanted);
      return found ? toInfo(found) : undefined;
    },

    async createList(displayName) {
      return toInfo(await client.request<TodoTaskList>('POST', listsPath, { mailbox, body: { displayName } }));
    },

    async readChanges(target, deltaLink) {
      const headers = { Prefer: `odata.maxpagesize=${pageSize}` };
      const changed = new Map<string, OutlookTask>();
      const removed = new Set<string>();
      let next: string | undefined = deltaLink ?? `${listTasksPath(mailbox, target.listId)}/delta?${odataQuery({ $expand: 'linkedResources' })}`;
      for (;;) {
        const page: GraphCollection<DeltaItem> | undefined = await client.request<GraphCollection<DeltaItem>>('GET', next, { headers, mailbox });
        for (const item of page?.value ?? []) {
          if (!item.id) continue;
          // Replays are allowed: the last state a round gives wins.
          if (item['@removed'] !== undefined) {
            changed.delete(item.id);
            removed.add(item.id);
            continue;
          }
          const task = toOutlookTask(item);
          if (task) {
            changed.set(task.id, task);
            removed.delete(task.id);
          }
        }
        const end = page?.['@odata.deltaLink'] || undefined;
        if (end !== undefined) return { changed: [...changed.values()], removed: [...removed], deltaLink: end } satisfies TaskDeltaRound;
        next = page?.['@odata.nextLink'] || undefined;
        if (next === undefined) throw new SyncError('unavailable', 'Microsoft Graph ended a To Do delta round with neither @odata.nextLink nor @odata.deltaLink.');
      }
    },

    async listTasks(target) {
      const path = `${listTasksPath(mailbox, target.listId)}?${odataQuery({ $top: String(pageSize), $expand: 'linkedResources' })}`;
      const tasks = await readAllPages<GraphTodoTask>(client, path, { mailbox });
      return tasks.flatMap((task) => toOutlookTask(task) ?? []);
    },

    async write(target, writes) {
      const answers = await batch(client, mailbox, writes.map((write, index) => toRequest(target, write, String(index))));
      return answers.map((answer) => {
        if (!answer.ok) return { ok: false, error: answer.error };
        const body = answer.body as GraphTodoTask | undefined;
        return body?.id ? { ok: true, id: body.id, changeKey: changeKeyOfEtag(body['@odata.etag']) } : { ok: true };
      });
    },
  };
}
