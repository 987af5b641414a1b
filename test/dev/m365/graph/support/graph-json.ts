import type { Contact, ContactFolder } from '@microsoft/microsoft-graph-types';
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

export const isRemoved = (item: DeltaItem): item is RemovedEntry => '@removed' in item;

export type { ContactFolder, GraphErrorBody };

export interface BatchAnswer {
  responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[];
}
