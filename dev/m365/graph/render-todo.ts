import type { LinkedResource, TodoTask, TodoTaskList } from '@microsoft/microsoft-graph-types';
import { renderDateTimeTimeZone } from './render-date-time-time-zone';
import type { ResolvedTimeZone } from './resolve-time-zone';
import type { LinkedResourceRecord, TodoListRecord, TodoTaskRecord } from './todo-record';

export type GraphTodoTaskListJson = TodoTaskList & { '@odata.context'?: string; '@odata.etag'?: string };
export type GraphTodoTaskJson = TodoTask & { '@odata.context'?: string; '@odata.etag'?: string };
export type GraphLinkedResourceJson = LinkedResource & { '@odata.context'?: string };

type TaskProperty = Exclude<keyof TodoTask, 'attachments' | 'attachmentSessions' | 'checklistItems' | 'extensions' | 'linkedResources' | 'recurrence'>;

/** Task properties in the order To Do writes them (see `test/fixtures/graph/todo-task-create.json`). */
export const todoTaskPropertyNames: readonly TaskProperty[] = [
  'importance', 'isReminderOn', 'status', 'title', 'createdDateTime', 'lastModifiedDateTime', 'hasAttachments', 'categories',
  'id', 'body', 'bodyLastModifiedDateTime', 'dueDateTime', 'startDateTime', 'reminderDateTime', 'completedDateTime',
];

export function renderTodoList(list: TodoListRecord, context?: string): GraphTodoTaskListJson {
  return {
    ...(context ? { '@odata.context': context } : {}),
    '@odata.etag': `W/"${list.changeKey}"`,
    displayName: list.displayName,
    isOwner: true,
    isShared: false,
    wellknownListName: list.wellknownListName,
    id: list.id,
  };
}

export function renderLinkedResource(resource: LinkedResourceRecord, context?: string): GraphLinkedResourceJson {
  return {
    ...(context ? { '@odata.context': context } : {}),
    id: resource.id,
    webUrl: resource.webUrl,
    applicationName: resource.applicationName,
    displayName: resource.displayName,
    externalId: resource.externalId,
  };
}

export interface RenderTodoTaskOptions {
  zone: ResolvedTimeZone;
  select?: ReadonlySet<string>;
  /** `$expand=linkedResources`, or a create that carried linked resources. */
  linkedResources?: boolean;
  context?: string;
}

/** A task as To Do writes it: date-time properties only when set, in the zone the request asked for. */
export function renderTodoTask(task: TodoTaskRecord, options: RenderTodoTaskOptions): GraphTodoTaskJson {
  const { fields } = task;
  const time = (value: TodoTaskRecord['fields']['dueDateTime']) => (value ? renderDateTimeTimeZone(value, options.zone) : undefined);
  const full: GraphTodoTaskJson = {
    importance: fields.importance,
    isReminderOn: fields.isReminderOn,
    status: fields.status,
    title: fields.title,
    createdDateTime: task.createdDateTime,
    lastModifiedDateTime: task.lastModifiedDateTime,
    hasAttachments: false,
    categories: [...fields.categories],
    id: task.id,
    body: { content: fields.body.content, contentType: fields.body.contentType },
    bodyLastModifiedDateTime: task.bodyLastModifiedDateTime,
    dueDateTime: time(fields.dueDateTime),
    startDateTime: time(fields.startDateTime),
    reminderDateTime: time(fields.reminderDateTime),
    completedDateTime: time(fields.completedDateTime),
  };
  const json: GraphTodoTaskJson = {};
  if (options.context) json['@odata.context'] = options.context;
  json['@odata.etag'] = `W/"${task.changeKey}"`;
  for (const name of todoTaskPropertyNames) {
    if (full[name] !== undefined && (name === 'id' || !options.select || options.select.has(name))) copyProperty(json, full, name);
  }
  if (options.linkedResources) json.linkedResources = task.linkedResources.map((resource) => renderLinkedResource(resource));
  return json;
}

function copyProperty<Name extends keyof GraphTodoTaskJson>(target: GraphTodoTaskJson, source: GraphTodoTaskJson, name: Name): void {
  target[name] = source[name];
}
