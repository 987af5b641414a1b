import type { Context } from 'hono';
import type { ErpActor, ErpPort } from '../../src/domain/erp-port';
import type { ActionInput, ErpAction } from '../../src/domain/erp-records';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { isActionVisible } from './action-visibility';
import { actorOf, viewerOf } from './actor';
import { audit } from './audit';

export interface LogResult {
  action: ErpAction;
  alreadyLogged: boolean;
  loggedAt: string;
}

const defaultStaleClaimMs = 120_000;
const hiddenLogMessage = 'this item was already logged by someone else, in an action they keep private';

/**
 * Whether an item was logged in the caller's environment; the action's id only when the caller
 * may see that action.
 */
export async function loggedItemStatus(
  c: Context<AppEnv>,
  deps: AppDeps,
  itemKey: string,
  formerItemKeys: readonly string[] = [],
): Promise<{ logged: boolean; actionId?: string; loggedAt?: string }> {
  const item = await firstLoggedItem(deps, c.get('environment').config.environment, [itemKey, ...formerItemKeys]);
  if (!item?.erpActionId) return { logged: false };
  const action = await c.get('environment').erp.getAction(item.erpActionId);
  // A deleted action hides nothing any more; a private one of someone else is not named.
  if (action && !isActionVisible(action, await viewerOf(c, deps))) return { logged: true };
  return { logged: true, actionId: item.erpActionId, loggedAt: item.loggedAt };
}

/** The first of the keys an item was logged under (its key, then the keys it had before), with its action. */
async function firstLoggedItem(deps: AppDeps, environment: string, itemKeys: readonly string[]) {
  for (const itemKey of itemKeys) {
    const item = await deps.store.loggedItems.get(environment, itemKey);
    if (item?.erpActionId) return item;
  }
  return undefined;
}

/**
 * Logs an email or meeting once per environment. The claim row is written before the ERP action,
 * so two people logging the same message at once make one action; a claim left by a crashed
 * request is taken over after `staleClaimMs`. The action carries the item's key in the ERP
 * (`sourceKey`), so a retry after a lost completion, or a takeover of a slow request, finds the
 * action instead of creating a second one. An item logged before under a key it no longer has
 * (`formerItemKeys`: a meeting logged under its organizer and start, before the bridge read its
 * iCalUId) is that action, and is recorded under the new key too, so it is found after it moves.
 */
export async function logItemOnce(
  c: Context<AppEnv>,
  deps: AppDeps,
  itemKey: string,
  auditAction: string,
  build: () => Promise<ActionInput>,
  formerItemKeys: readonly string[] = [],
): Promise<LogResult> {
  const principal = c.get('principal');
  const { erp } = c.get('environment');
  const now = deps.now?.() ?? new Date();
  const loggedBy = { tenantId: principal.tenantId, objectId: principal.objectId };
  const claim = { environment: principal.environment, itemKey, loggedBy, loggedAt: now.toISOString() };
  const sourceKey = `${principal.environment}:${itemKey}`;
  /** An action logged before for this item, as the caller may see it. */
  const loggedBefore = async (action: ErpAction, loggedAt: string): Promise<LogResult> => {
    // Logged before, but its owner has since made the action private: say so without showing it.
    if (!isActionVisible(action, await viewerOf(c, deps))) throw new ApiError('conflict', 409, hiddenLogMessage);
    return { action, alreadyLogged: true, loggedAt };
  };

  /** The action an item was logged as under one of its former keys, if it still exists. */
  const loggedUnder = async (itemKeys: readonly string[]): Promise<ErpAction | undefined> => {
    const former = await firstLoggedItem(deps, principal.environment, itemKeys);
    if (former?.erpActionId) return erp.getAction(former.erpActionId);
    for (const itemKey of itemKeys) {
      const action = await erp.findActionBySourceKey(`${principal.environment}:${itemKey}`);
      if (action) return action;
    }
    return undefined;
  };

  const takeOverClaimsBefore = new Date(now.getTime() - (deps.staleClaimMs ?? defaultStaleClaimMs)).toISOString();
  const outcome = await deps.store.loggedItems.claim(claim, { takeOverClaimsBefore });
  if (!outcome.claimed) {
    const existing = outcome.existing;
    if (!existing.erpActionId) {
      // Someone is logging it right now, or did and could not record it: the ERP knows which.
      const made = await erp.findActionBySourceKey(sourceKey);
      if (!made) throw new ApiError('conflict', 409, 'this item is being logged right now; try again in a moment');
      return loggedBefore(made, existing.loggedAt);
    }
    const action = await erp.getAction(existing.erpActionId);
    if (!action) throw new ApiError('not_found', 404, 'this item was logged as an action that has since been deleted from the ERP');
    return loggedBefore(action, existing.loggedAt);
  }

  try {
    const made = (await erp.findActionBySourceKey(sourceKey)) ?? (await loggedUnder(formerItemKeys));
    if (made) {
      await deps.store.loggedItems.complete(loggedBy, principal.environment, itemKey, made.id);
      return await loggedBefore(made, claim.loggedAt);
    }
    const actor = await actorOf(c, deps);
    const input = await build();
    const action = await createOnce(erp, { ...input, ownerId: input.ownerId ?? actor.erpUserId }, actor, sourceKey);
    await deps.store.loggedItems.complete(loggedBy, principal.environment, itemKey, action.id);
    await audit(c, deps, auditAction, action.id, { itemKey });
    return { action, alreadyLogged: false, loggedAt: claim.loggedAt };
  } catch (error) {
    await deps.store.loggedItems.release(loggedBy, principal.environment, itemKey);
    throw error;
  }
}

/** Creates the action with its source key; when the ERP refuses a second one for the key (a request that raced this one), that one is it. */
async function createOnce(erp: ErpPort, input: ActionInput, actor: ErpActor, sourceKey: string): Promise<ErpAction> {
  try {
    return await erp.createAction(input, actor, { sourceKey });
  } catch (error) {
    const made = await erp.findActionBySourceKey(sourceKey);
    if (made) return made;
    throw error;
  }
}

/**
 * The ERP contact an item is about: the first participant, in the order given, whose email is an
 * ERP contact's. The signed-in user's own address is skipped.
 */
export async function findFirstContact(c: Context<AppEnv>, emails: string[]): Promise<{ contactId: string; accountId?: string } | undefined> {
  const own = c.get('principal').email.toLowerCase();
  const { erp } = c.get('environment');
  const unique = [...new Set(emails.map((email) => email.toLowerCase()))].filter((email) => email !== own).slice(0, 50);
  for (const email of unique) {
    const page = await erp.searchContacts({ email, limit: 1 });
    const contact = page.items[0];
    if (contact) return { contactId: contact.id, accountId: contact.accountId };
  }
  return undefined;
}
