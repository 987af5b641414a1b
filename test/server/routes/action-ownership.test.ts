import { describe, expect, it } from 'vitest';
import { ownershipViolation, type OwnershipChange } from '../../../server/routes/action-ownership';

const owner = '5';
const colleague = '7';
const shared = { ownerId: owner, private: false };
const privateToOwner = { ownerId: owner, private: true };
const change = (partial: Partial<OwnershipChange> & Pick<OwnershipChange, 'requested'>): OwnershipChange => ({ callerId: owner, callerIsAdmin: false, ...partial });

describe('the ownership rule of actions', () => {
  it.each<[string, OwnershipChange]>([
    ['creates an action for oneself', change({ requested: {} })],
    ['creates a private action for oneself', change({ requested: { private: true } })],
    ['lets an admin create a shared action for a colleague', change({ callerIsAdmin: true, requested: { ownerId: colleague } })],
    ['lets the owner hand a shared action over', change({ current: shared, requested: { ownerId: colleague } })],
    ['lets the owner hand a private action over when sharing it in the same change', change({ current: privateToOwner, requested: { ownerId: colleague, private: false } })],
    ['lets an admin redistribute a shared action', change({ callerId: '9', callerIsAdmin: true, current: shared, requested: { ownerId: colleague } })],
    ['lets a colleague edit a shared action without touching its owner', change({ callerId: colleague, current: shared, requested: { ownerId: owner } })],
    ['lets the owner make their action private', change({ current: shared, requested: { private: true } })],
    ['lets anyone create a shared action when they have no ERP user', change({ callerId: undefined, requested: {} })],
  ])('allows: %s', (_name, allowed) => {
    expect(ownershipViolation(allowed)).toBeUndefined();
  });

  it.each<[string, OwnershipChange, RegExp]>([
    ['a colleague creating an action for someone else', change({ callerId: colleague, requested: { ownerId: owner } }), /only an admin/],
    ['anyone creating a private action for someone else, admins included', change({ callerIsAdmin: true, requested: { ownerId: colleague, private: true } }), /private action belongs/],
    ['a colleague taking over a shared action', change({ callerId: colleague, current: shared, requested: { ownerId: colleague } }), /only the owner of an action or an admin/],
    ['a colleague making a shared action private', change({ callerId: colleague, current: shared, requested: { private: true } }), /only the owner/],
    ['an admin making someone’s action private', change({ callerId: '9', callerIsAdmin: true, current: shared, requested: { private: true } }), /only the owner/],
    ['an admin taking over an action and making it private', change({ callerId: '9', callerIsAdmin: true, current: shared, requested: { ownerId: '9', private: true } }), /only the owner/],
    ['the owner handing a private action over and keeping it private', change({ current: privateToOwner, requested: { ownerId: colleague } }), /share it/],
    ['someone with no ERP user creating a private action', change({ callerId: undefined, requested: { private: true } }), /no ERP user/],
  ])('refuses %s', (_name, refused, reason) => {
    expect(ownershipViolation(refused)).toMatch(reason);
  });
});
