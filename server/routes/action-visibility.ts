import type { Context } from 'hono';
import type { ActionSearch } from '../../src/domain/erp-port';
import type { ErpAction } from '../../src/domain/erp-records';
import type { Page } from '../../src/domain/page';
import type { AppDeps, AppEnv } from '../http/app-env';
import { viewerOf } from './actor';

/**
 * The one rule for who sees an action: an action lives in its environment's ERP (another
 * environment never reaches it); there, a shared action is seen by every user, a private one only
 * by its owner. A person with no ERP user owns nothing, so sees no private action.
 * The ERP adapters apply the same rule in SQL when they list actions (`ActionSearch.viewerId`).
 */
export function isActionVisible(action: Pick<ErpAction, 'private' | 'ownerId'>, viewerId: string): boolean {
  return !action.private || (viewerId !== '' && action.ownerId === viewerId);
}

/** The action of this id in the caller's environment if the caller may see it; a hidden one is `undefined`, as a missing one. */
export async function findVisibleAction(c: Context<AppEnv>, deps: AppDeps, id: string): Promise<ErpAction | undefined> {
  const action = await c.get('environment').erp.getAction(id);
  if (!action) return undefined;
  return isActionVisible(action, await viewerOf(c, deps)) ? action : undefined;
}

/** A page of actions the caller may see: the ERP filters by the viewer, and the same rule checks each item. */
export async function listVisibleActions(c: Context<AppEnv>, deps: AppDeps, search: Omit<ActionSearch, 'viewerId'>): Promise<Page<ErpAction>> {
  const viewerId = await viewerOf(c, deps);
  const page = await c.get('environment').erp.listActions({ ...search, viewerId });
  return { ...page, items: page.items.filter((action) => isActionVisible(action, viewerId)) };
}
