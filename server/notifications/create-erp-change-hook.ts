import { createHash, timingSafeEqual } from 'node:crypto';
import type { ErpPort } from '../../src/domain/erp-port';
import type { EnvironmentConfig } from '../config/config-schema';
import { ApiError } from '../http/api-error';
import type { Store, UserKey } from '../store/store';
import { findAffectedMailboxes, type ErpChangeNames } from './find-affected-mailboxes';

export interface ErpChangeHook {
  /**
   * Checks the environment's secret, then queues a run of each mailbox the change concerns
   * (coalesced with the runs already queued); resolves with how many mailboxes that is.
   * Throws `ApiError` 401 for an unknown environment or a wrong or missing secret, alike.
   */
  receive(environment: string, secret: string | undefined, names: ErpChangeNames): Promise<{ mailboxes: number }>;
}

export interface ErpChangeHookOptions {
  store: Pick<Store, 'users' | 'settings' | 'syncPolicies' | 'links' | 'activations'>;
  /** With their ERPs, which say whose a named action is. */
  environments: ReadonlyMap<string, { config: EnvironmentConfig; erp: Pick<ErpPort, 'getAction' | 'getUser'> }>;
  /** `erpChangeSecret` of each environment that has one, already read from its reference. */
  secrets: ReadonlyMap<string, string>;
  /** Queues runs of these mailboxes through the inbox, where they coalesce with the others. */
  queueRuns(environment: string, users: readonly UserKey[]): Promise<void>;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** `POST /api/erp/changes` behind the route: a shared secret per environment, compared in constant time. */
export function createErpChangeHook(options: ErpChangeHookOptions): ErpChangeHook {
  return {
    async receive(environment, secret, names) {
      const expected = options.secrets.get(environment);
      const configured = options.environments.get(environment);
      // One answer for every refusal, so a caller learns nothing about which environments exist.
      const matches = expected !== undefined && secret !== undefined && timingSafeEqual(digest(expected), digest(secret));
      if (!matches || !configured) throw new ApiError('auth_required', 401, 'X-Erp-Change-Secret is not the secret of this environment');
      const users = await findAffectedMailboxes(options.store, { name: environment, ...configured }, names);
      await options.queueRuns(environment, users);
      return { mailboxes: users.length };
    },
  };
}
