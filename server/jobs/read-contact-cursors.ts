import type { Store, UserKey } from '../store/store';
import { contactCursors, contactSyncStateSchema, type ContactSyncState } from './contact-sync-state';
import { erpWriteIntentsSchema, type ErpWriteIntents } from './erp-write-intents';

export interface SavedContactCursors {
  erpFeed?: string;
  outlookDelta?: string;
  state?: ContactSyncState;
  /** Empty when none was saved. */
  erpWriteIntents: ErpWriteIntents;
}

function parseJson(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    // An unreadable row is read as absent: a missing state costs one full listing, which is always safe.
    return undefined;
  }
}

/** What the last finished run of the mailbox saved for the next one. */
export async function readContactCursors(store: Store, user: UserKey): Promise<SavedContactCursors> {
  const [erpFeed, outlookDelta, state, intents] = await Promise.all([
    store.cursors.get(user, contactCursors.erpFeed),
    store.cursors.get(user, contactCursors.outlookDelta),
    store.cursors.get(user, contactCursors.state),
    store.cursors.get(user, contactCursors.erpWriteIntents),
  ]);
  const parsedState = contactSyncStateSchema.safeParse(parseJson(state?.value)).data;
  return {
    erpWriteIntents: erpWriteIntentsSchema.safeParse(parseJson(intents?.value)).data ?? {},
    ...(erpFeed ? { erpFeed: erpFeed.value } : {}),
    // An empty link is no link: resuming from it would read nothing ever again.
    ...(outlookDelta?.value ? { outlookDelta: outlookDelta.value } : {}),
    ...(parsedState ? { state: parsedState } : {}),
  };
}
