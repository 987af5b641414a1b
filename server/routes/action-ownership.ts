/** Who an action belongs to and whether it is private, before and after a write. */
export interface OwnershipChange {
  /** The caller's ERP user; undefined for a person with no ERP user. */
  callerId: string | undefined;
  callerIsAdmin: boolean;
  /** The action as stored; undefined when it is being created. */
  current?: { ownerId?: string | undefined; private: boolean };
  /** Owner and privacy as the request asks; undefined keeps the current value (or, on create, means the caller and shared). */
  requested: { ownerId?: string | undefined; private?: boolean | undefined };
}

/**
 * The ownership rule of actions, stated in docs/security.md: an action is created for oneself;
 * only the owner or an admin of the environment hands an action to another ERP user (on create
 * too); only the owner makes an action private; and no write ever leaves a private action owned
 * by someone other than the caller. Returns why a write breaks the rule, or undefined.
 */
export function ownershipViolation(change: OwnershipChange): string | undefined {
  const { callerId, callerIsAdmin, current, requested } = change;
  const ownerBefore = current ? current.ownerId : callerId;
  const ownerAfter = requested.ownerId ?? ownerBefore;
  const privateAfter = requested.private ?? current?.private ?? false;
  const reassigns = requested.ownerId !== undefined && requested.ownerId !== ownerBefore;
  // On create there is no owner yet: naming another owner is an assignment, for admins only.
  const callerOwnsIt = current !== undefined && callerId !== undefined && current.ownerId === callerId;
  if (reassigns && !callerOwnsIt && !callerIsAdmin) {
    return current ? 'only the owner of an action or an admin can give it to another ERP user' : 'only an admin can create an action for another ERP user';
  }
  if (requested.private === true && current && !current.private && !callerOwnsIt) return 'only the owner of an action can make it private';
  if (privateAfter && (callerId === undefined || ownerAfter !== callerId)) {
    return callerId === undefined
      ? 'you have no ERP user, so a private action would belong to nobody; ask an admin to map you to your ERP user'
      : 'a private action belongs to the person who made it private: to give it to someone else, share it (private: false)';
  }
  return undefined;
}
