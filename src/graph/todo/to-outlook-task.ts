import type { TodoTask } from '@microsoft/microsoft-graph-types';
import { parseErpTag } from '../../domain/parse-erp-tag';
import type { OutlookTask } from '../../sync/tasks/outlook-task';
import { readGraphDueDate } from './read-graph-due-date';

export type GraphTodoTask = TodoTask & { '@odata.etag'?: string };

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A body To Do keeps as HTML, read as the text it shows: line breaks for blocks and breaks, no tags, entities decoded. */
function textOfHtml(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
      return entities[name.toLowerCase()] ?? whole;
    });
}

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
