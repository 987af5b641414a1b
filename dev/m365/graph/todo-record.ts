import type { Importance, TaskStatus } from '@microsoft/microsoft-graph-types';
import type { StoredDateTime } from './parse-date-time-time-zone';

export interface TodoListRecord {
  id: string;
  displayName: string;
  changeKey: string;
  wellknownListName: 'defaultList' | 'none';
}

/** A task's back-link to the item it came from in another system (for the bridge: the ERP record). */
export interface LinkedResourceRecord {
  id: string;
  webUrl: string | null;
  applicationName: string | null;
  displayName: string | null;
  externalId: string | null;
}

export type LinkedResourceInput = Partial<Omit<LinkedResourceRecord, 'id'>>;

/** The task properties a client may write. */
export interface TodoTaskFields {
  title: string;
  body: { contentType: 'text' | 'html'; content: string };
  importance: Importance;
  status: TaskStatus;
  categories: string[];
  isReminderOn: boolean;
  dueDateTime: StoredDateTime | null;
  startDateTime: StoredDateTime | null;
  reminderDateTime: StoredDateTime | null;
  completedDateTime: StoredDateTime | null;
}

export interface TodoTaskRecord {
  id: string;
  listId: string;
  fields: TodoTaskFields;
  linkedResources: LinkedResourceRecord[];
  createdDateTime: string;
  lastModifiedDateTime: string;
  bodyLastModifiedDateTime: string;
  changeKey: string;
}

/** A validated create or PATCH body; `linkedResources` only on create, as Graph documents it. */
export interface TodoTaskInput {
  fields: Partial<TodoTaskFields>;
  linkedResources: readonly LinkedResourceInput[];
}
