import { z } from 'zod';
import { caseInsensitiveEnum } from './case-insensitive-enum';
import { GraphError, invalidRequestBody } from './graph-error';
import { parseDateTimeTimeZone, type StoredDateTime } from './parse-date-time-time-zone';
import type { LinkedResourceInput, TodoTaskFields, TodoTaskInput } from './todo-record';

const dateTimeTimeZone = z.strictObject({ dateTime: z.string(), timeZone: z.string().nullable().optional() }).nullish();
const linkedResourceShape = {
  webUrl: z.string().nullish(),
  applicationName: z.string().nullish(),
  displayName: z.string().nullish(),
  externalId: z.string().nullish(),
};
const linkedResourceSchema = z.strictObject(linkedResourceShape);

const todoTaskInputSchema = z.strictObject({
  title: z.string().nullish(),
  body: z.strictObject({ contentType: caseInsensitiveEnum(['text', 'html']).optional(), content: z.string().nullish() }).nullish(),
  importance: caseInsensitiveEnum(['low', 'normal', 'high']).nullish(),
  status: caseInsensitiveEnum(['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred']).nullish(),
  categories: z.array(z.string()).nullish(),
  isReminderOn: z.boolean().nullish(),
  dueDateTime: dateTimeTimeZone,
  startDateTime: dateTimeTimeZone,
  reminderDateTime: dateTimeTimeZone,
  completedDateTime: dateTimeTimeZone,
  recurrence: z.null().optional(),
  linkedResources: z.array(linkedResourceSchema).optional(),
});

const ignoredProperties = new Set(['id', 'createdDateTime', 'lastModifiedDateTime', 'bodyLastModifiedDateTime', 'hasAttachments']);

function withoutIgnoredProperties(body: unknown, extra: ReadonlySet<string> = new Set()): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([name]) => !name.startsWith('@odata.') && !ignoredProperties.has(name) && !extra.has(name)));
}

function refuse(error: z.ZodError, typeName: string): never {
  const issue = error.issues[0];
  if (issue?.code === 'unrecognized_keys' && issue.path.length === 0) {
    throw invalidRequestBody(`The property '${issue.keys[0] ?? ''}' does not exist on type 'microsoft.graph.${typeName}'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
  }
  if (issue?.path[0] === 'recurrence') throw new GraphError(400, 'invalidRequest', 'The emulator does not support recurring tasks.');
  throw invalidRequestBody(`Invalid value for the property '${issue?.path.join('.') ?? ''}' of type 'microsoft.graph.${typeName}': ${issue?.message ?? 'invalid'}.`);
}

const storedOrNull = (value: { dateTime: string; timeZone?: string | null } | null, property: string): StoredDateTime | null =>
  value === null ? null : parseDateTimeTimeZone(value, property);

function linkedResource(input: z.infer<typeof linkedResourceSchema>): LinkedResourceInput {
  const result: LinkedResourceInput = {};
  for (const name of ['webUrl', 'applicationName', 'displayName', 'externalId'] as const) {
    if (input[name] !== undefined) result[name] = input[name];
  }
  return result;
}

/** Validates a task create or PATCH body; answers Graph's 400 `RequestBodyRead` otherwise. */
export function parseTodoTaskInput(body: unknown): TodoTaskInput {
  const parsed = todoTaskInputSchema.safeParse(withoutIgnoredProperties(body));
  if (!parsed.success) refuse(parsed.error, 'todoTask');
  const data = parsed.data;
  const fields: Partial<TodoTaskFields> = {};
  if (data.title !== undefined) fields.title = data.title ?? '';
  if (data.body !== undefined) fields.body = { contentType: data.body?.contentType ?? 'text', content: data.body?.content ?? '' };
  if (data.importance !== undefined) fields.importance = data.importance ?? 'normal';
  if (data.status !== undefined) fields.status = data.status ?? 'notStarted';
  if (data.categories !== undefined) fields.categories = data.categories ?? [];
  if (data.isReminderOn !== undefined) fields.isReminderOn = data.isReminderOn ?? false;
  for (const name of ['dueDateTime', 'startDateTime', 'reminderDateTime', 'completedDateTime'] as const) {
    const value = data[name];
    if (value !== undefined) fields[name] = storedOrNull(value, name);
  }
  return { fields, linkedResources: (data.linkedResources ?? []).map(linkedResource) };
}

/** Validates a linkedResource create or PATCH body. */
export function parseLinkedResourceInput(body: unknown): LinkedResourceInput {
  const parsed = linkedResourceSchema.safeParse(withoutIgnoredProperties(body));
  if (!parsed.success) refuse(parsed.error, 'linkedResource');
  return linkedResource(parsed.data);
}
