import { describe, expect, it } from 'vitest';
import { planSubscriptionChanges, type SubscriptionChange, type WantedSubscription } from '../../../server/notifications/plan-subscription-changes';
import type { GraphSubscriptionRecord } from '../../../server/store/store';

const nowMs = Date.parse('2026-12-01T09:00:00.000Z');
const day = 24 * 60 * 60_000;
const times = { nowMs, renewWithinMs: () => 1.5 * day, reservationStaleMs: 5 * 60_000 };
const user = (objectId: string) => ({ tenantId: 't', objectId });
const wanted = (objectId: string, resource = `/users/${objectId}/contactFolders/f/contacts`): WantedSubscription => ({ user: user(objectId), environment: 'contoso', collection: 'contacts', resource });
const held = (objectId: string, overrides: Partial<GraphSubscriptionRecord> = {}): GraphSubscriptionRecord => ({
  ...wanted(objectId), subscriptionId: `sub-${objectId}`, clientStateHash: 'h', state: 'active', expiresAt: new Date(nowMs + 6 * day).toISOString(), updatedAt: new Date(nowMs).toISOString(), ...overrides,
});

/** What the store holds once the changes are made, as the maintainer makes them. */
function apply(existing: readonly GraphSubscriptionRecord[], changes: readonly SubscriptionChange[]): GraphSubscriptionRecord[] {
  const rows = new Map(existing.map((record) => [record.user.objectId, record]));
  for (const change of changes) {
    if (change.kind === 'delete') rows.delete(change.existing.user.objectId);
    else if (change.kind === 'renew') rows.set(change.existing.user.objectId, { ...change.existing, state: 'active', expiresAt: new Date(nowMs + 7 * day).toISOString() });
    else rows.set(change.wanted.user.objectId, held(change.wanted.user.objectId, { resource: change.wanted.resource, expiresAt: new Date(nowMs + 7 * day).toISOString() }));
  }
  return [...rows.values()];
}

describe('planning subscription changes', () => {
  it('creates what is missing, replaces a moved folder or an expired one, renews what expires soon or needs reauthorization, deletes the rest; sorted by mailbox', () => {
    const existing = [
      held('b', { resource: '/users/b/contactFolders/old/contacts' }),
      held('c', { expiresAt: new Date(nowMs + day).toISOString() }),
      held('d', { state: 'reauthorize' }),
      held('e'),
      held('f', { expiresAt: new Date(nowMs - 1).toISOString() }),
      held('g'),
    ];
    const plan = planSubscriptionChanges([wanted('a'), wanted('b'), wanted('c'), wanted('d'), wanted('f'), wanted('g')], existing, times);

    expect(plan.map((change) => `${change.kind} ${change.kind === 'create' ? change.wanted.user.objectId : change.existing.user.objectId}`)).toEqual([
      'create a', 'replace b', 'renew c', 'renew d', 'delete e', 'replace f',
    ]);
  });

  it('leaves another bridge’s fresh reservation alone, and takes over a stale one', () => {
    const fresh = held('a', { state: 'creating', updatedAt: new Date(nowMs - 60_000).toISOString() });
    const stale = held('b', { state: 'creating', updatedAt: new Date(nowMs - 10 * 60_000).toISOString() });
    const gone = held('c', { state: 'creating', updatedAt: new Date(nowMs - 60_000).toISOString() });

    expect(planSubscriptionChanges([wanted('a'), wanted('b')], [fresh, stale, gone], times).map((change) => change.kind)).toEqual(['create']);
  });

  it('plans nothing once its changes are made', () => {
    const existing = [held('b', { resource: '/users/b/contactFolders/old/contacts' }), held('c', { state: 'reauthorize' }), held('e')];
    const want = [wanted('a'), wanted('b'), wanted('c')];
    const after = apply(existing, planSubscriptionChanges(want, existing, times));

    expect(planSubscriptionChanges(want, after, times)).toEqual([]);
  });
});
