import type { TodoTask } from '@microsoft/microsoft-graph-types';
import { parseErpTag } from '../../domain/parse-erp-tag';
import type { OutlookTask } from '../../sync/tasks/outlook-task';
import { readGraphDueDate } from './read-graph-due-date';
import { textOfHtml } from './text-of-html';

export type GraphTodoTask = TodoTask & { '@odata.etag'?: string };

/** The change key of a task: To Do gives it only as the `@odata.etag` `W/"…"`. */
export function changeKeyOfEtag(etag: string | undefined): string {
  return /^W\/"(.*)"$/.exec(etag ?? '')?.[1] ?? etag ?? '';
}

/**
 * A Graph task as the engine sees it: the body as text, the due date as a date (`readGraphDueDate`),
 * and the tag, the `externalId` of a linked resource that holds one.
 */
export function toOutlookTask(task: GraphTodoTask): OutlookTask | undefined {
  if (!task.id) return undefined;
  const body = task.body?.content ?? '';
  const tag = (task.linkedResources ?? []).map((resource) => resource.externalId ?? undefined).find((externalId) => parseErpTag(externalId) !== undefined);
  const due = task.dueDateTime?.dateTime ? readGraphDueDate(task.dueDateTime) : null;
  return {
    id: task.id,
    changeKey: changeKeyOfEtag(task['@odata.etag']),
    title: task.title ?? '',
    notes: task.body?.contentType?.toLowerCase() === 'html' ? textOfHtml(body) : body,
    dueDate: due,
    completed: task.status === 'completed',
    categories: task.categories ?? [],
    ...(tag === undefined ? {} : { tag }),
    createdDateTime: task.createdDateTime ?? '',
    lastModifiedDateTime: task.lastModifiedDateTime ?? '',
  };
}
