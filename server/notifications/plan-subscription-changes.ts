import type { GraphSubscriptionRecord, UserKey } from '../store/store';

/** A subscription the bridge should hold: this mailbox syncs this collection, watched at this resource. */
export interface WantedSubscription {
  user: UserKey;
  environment: string;
  collection: string;
  resource: string;
}

export type SubscriptionChange =
  | { kind: 'create'; wanted: WantedSubscription }
  /** Extend before expiry, or at once when Graph asked for reauthorization. */
  | { kind: 'renew'; existing: GraphSubscriptionRecord }
  /** Another resource (the user chose another folder) or expired: delete and create again. */
  | { kind: 'replace'; existing: GraphSubscriptionRecord; wanted: WantedSubscription }
  /** Sync turned off, the collection turned off, or the user forgotten. */
  | { kind: 'delete'; existing: GraphSubscriptionRecord };

export interface SubscriptionPlanTimes {
  nowMs: number;
  /** Renew once less than this is left of a subscription of the collection. */
  renewWithinMs: (collection: string) => number;
  /** A `creating` reservation older than this was left by a bridge that stopped. */
  reservationStaleMs: number;
}

const keyOf = (user: UserKey, collection: string) => `${user.tenantId}/${user.objectId}/${collection}`;

/**
 * What to do so the bridge holds exactly the wanted subscriptions, each renewed in time; sorted by
 * mailbox and collection. Pure: planning again after the changes are made plans nothing.
 */
export function planSubscriptionChanges(wanted: readonly WantedSubscription[], existing: readonly GraphSubscriptionRecord[], times: SubscriptionPlanTimes): SubscriptionChange[] {
  const held = new Map(existing.map((record) => [keyOf(record.user, record.collection), record]));
  const changes: { key: string; change: SubscriptionChange }[] = [];
  const wantedKeys = new Set<string>();
  for (const want of wanted) {
    const key = keyOf(want.user, want.collection);
    wantedKeys.add(key);
    const record = held.get(key);
    if (!record) {
      changes.push({ key, change: { kind: 'create', wanted: want } });
      continue;
    }
    const expiresMs = Date.parse(record.expiresAt);
    if (record.state === 'creating') {
      if (times.nowMs - Date.parse(record.updatedAt) > times.reservationStaleMs) changes.push({ key, change: { kind: 'create', wanted: want } });
    } else if (record.resource !== want.resource || record.environment !== want.environment || !(expiresMs > times.nowMs)) {
      changes.push({ key, change: { kind: 'replace', existing: record, wanted: want } });
    } else if (record.state === 'reauthorize' || expiresMs - times.nowMs < times.renewWithinMs(record.collection)) {
      changes.push({ key, change: { kind: 'renew', existing: record } });
    }
  }
  for (const [key, record] of held) {
    if (wantedKeys.has(key)) continue;
    const reservedByOther = record.state === 'creating' && times.nowMs - Date.parse(record.updatedAt) <= times.reservationStaleMs;
    if (!reservedByOther) changes.push({ key, change: { kind: 'delete', existing: record } });
  }
  return changes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ change }) => change);
}
