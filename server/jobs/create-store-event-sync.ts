import { z } from 'zod';
import type { EventConflict } from '../../src/sync/events/event-conflict';
import type { EventLink, EventSnapshot } from '../../src/sync/events/event-link';
import type { EventSyncStore, SavedCalendarCursor } from '../../src/sync/events/event-sync-store';
import { eventMergeFields } from '../../src/sync/events/synced-event';
import type { ConflictRecord, LinkRecord, Store, UserKey } from '../store/store';
import { StoreError } from '../store/store-error';

/** The parts of the bridge store event sync keeps its state in. */
export type EventSyncTables = Pick<Store, 'links' | 'cursors' | 'conflicts'> & { transaction<T>(work: (tx: EventSyncTables) => Promise<T>): Promise<T> };

/** The cursor rows of a mailbox's event sync, saved in the transaction that saves the links. */
export const eventCursors = { erpFeed: 'events:erp-feed', outlook: 'events:outlook' } as const;

const snapshotSchema: z.ZodType<EventSnapshot> = z.object({
  fields: z.object({
    subject: z.string(), notes: z.string(), start: z.string(), end: z.string(), allDay: z.boolean(), timeZone: z.string(), private: z.boolean(), showAs: z.enum(['busy', 'free']),
  }),
  changeKey: z.string(),
  erpVersion: z.number().int(),
});

const calendarCursorSchema: z.ZodType<SavedCalendarCursor> = z.object({ calendarId: z.string(), window: z.object({ start: z.string(), end: z.string() }), cursor: z.string().min(1) });

function toEventLink(record: LinkRecord): EventLink {
  const snapshot = snapshotSchema.safeParse(record.snapshot);
  if (!snapshot.success) throw new StoreError('corrupt_record', `the snapshot of event link ${record.erpId} does not match the synced event fields`, { cause: snapshot.error });
  return { erpId: record.erpId, outlookId: record.outlookId, state: record.state, snapshot: snapshot.data, missedListings: record.missedListings, updatedAt: record.updatedAt };
}

function toEventConflict(record: ConflictRecord): EventConflict | undefined {
  const field = eventMergeFields.find((known) => known === record.field);
  if (record.entity !== 'event' || field === undefined) return undefined;
  const { id, erpId, erpValue, outlookValue, status, resolution, createdAt, resolvedAt } = record;
  return { id, erpId, field, erpValue, outlookValue, status, ...(resolution === undefined ? {} : { resolution }), createdAt, ...(resolvedAt === undefined ? {} : { resolvedAt }) };
}

function parseCursor(value: string | undefined): SavedCalendarCursor | undefined {
  if (value === undefined) return undefined;
  try {
    return calendarCursorSchema.safeParse(JSON.parse(value)).data;
  } catch {
    // An unreadable row is read as absent: a full listing of the window is always safe.
    return undefined;
  }
}

/** One user's event sync over the bridge store: links of entity `event`, their conflicts and the two cursors. */
export function createStoreEventSync(store: EventSyncTables, user: UserKey, now: () => Date): EventSyncStore {
  return {
    async readSaved() {
      const [erpFeed, outlook] = await Promise.all([store.cursors.get(user, eventCursors.erpFeed), store.cursors.get(user, eventCursors.outlook)]);
      const cursor = parseCursor(outlook?.value);
      return { ...(erpFeed ? { erpFeed: erpFeed.value } : {}), ...(cursor ? { outlook: cursor } : {}) };
    },
    async listLinks() {
      return (await store.links.listForUser(user, 'event')).map(toEventLink);
    },
    async listConflicts() {
      return (await store.conflicts.listForUser(user)).flatMap((record) => toEventConflict(record) ?? []);
    },
    transaction: (work) =>
      store.transaction((tx) =>
        work({
          saveLink: (link) => tx.links.upsert({ user, entity: 'event', ...link, snapshot: { ...link.snapshot } }),
          async removeLink(erpId) {
            await tx.links.remove(user, 'event', erpId);
          },
          addConflict: (conflict) => tx.conflicts.add({ ...conflict, user, entity: 'event' }),
          async saveCursors({ erpFeed, outlook }) {
            const at = now().toISOString();
            if (erpFeed === undefined) await tx.cursors.remove(user, eventCursors.erpFeed);
            else await tx.cursors.put({ user, collection: eventCursors.erpFeed, value: erpFeed, updatedAt: at });
            if (outlook === undefined) await tx.cursors.remove(user, eventCursors.outlook);
            else await tx.cursors.put({ user, collection: eventCursors.outlook, value: JSON.stringify(outlook), updatedAt: at });
          },
        }),
      ),
  };
}
