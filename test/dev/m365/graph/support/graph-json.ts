import type {
  Calendar,
  ChangeNotificationCollection,
  Contact,
  ContactFolder,
  Event,
  LinkedResource,
  Subscription,
  TodoTask,
  TodoTaskList,
} from '@microsoft/microsoft-graph-types';
import type { GraphErrorBody } from '../../../../../dev/m365/graph/graph-error';

/** The JSON shapes tests read back from the emulator. */
export type ContactJson = Contact & { '@odata.etag'?: string; '@odata.context'?: string };

export interface Collection<Item> {
  '@odata.context'?: string;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  value: Item[];
}

export interface RemovedEntry {
  id: string;
  '@removed': { reason: string };
}

export type DeltaItem = ContactJson | RemovedEntry;

export const isRemoved = <Item extends object>(item: Item | RemovedEntry): item is RemovedEntry => '@removed' in item;

export type EventJson = Event & { '@odata.etag'?: string; '@odata.context'?: string };
export type TodoTaskJson = TodoTask & { '@odata.etag'?: string; '@odata.context'?: string };
export type TodoTaskListJson = TodoTaskList & { '@odata.etag'?: string };
export type SubscriptionJson = Subscription & { '@odata.context'?: string };
export type { Calendar, ChangeNotificationCollection, LinkedResource };

export type { ContactFolder, GraphErrorBody };

export interface BatchAnswer {
  responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[];
}
