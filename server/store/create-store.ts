import type { Kysely } from 'kysely';
import { createActivationStore } from './create-activation-store';
import { createAuditStore } from './create-audit-store';
import { createConflictStore } from './create-conflict-store';
import { createCursorStore } from './create-cursor-store';
import { createGraphNotificationStore } from './create-graph-notification-store';
import { createGraphSubscriptionStore } from './create-graph-subscription-store';
import { createLinkStore } from './create-link-store';
import { createLoggedItemStore } from './create-logged-item-store';
import { createRunStore } from './create-run-store';
import { createSettingsStore } from './create-settings-store';
import { createSyncPolicyStore } from './create-sync-policy-store';
import { createTokenCacheStore } from './create-token-cache-store';
import { createUserStore } from './create-user-store';
import type { Store } from './store';
import type { StoreDatabase } from './store-database';
import type { StoreDialect } from './store-dialect';
import type { TokenCipher } from './token-cipher';

/**
 * A `Store` over a migrated database, or over one transaction of it: the same methods run on
 * `Kysely` and on `Transaction`, so transaction-bound stores need no second implementation.
 */
export function createStore(db: Kysely<StoreDatabase>, dialect: StoreDialect, cipher: TokenCipher | undefined): Store {
  const store: Store = {
    dialect,
    users: createUserStore(db),
    settings: createSettingsStore(db),
    loggedItems: createLoggedItemStore(db),
    audit: createAuditStore(db),
    runs: createRunStore(db),
    links: createLinkStore(db),
    cursors: createCursorStore(db),
    conflicts: createConflictStore(db),
    activations: createActivationStore(db),
    syncPolicies: createSyncPolicyStore(db),
    graphSubscriptions: createGraphSubscriptionStore(db),
    graphNotifications: createGraphNotificationStore(db),
    tokenCache: createTokenCacheStore(db, cipher),
    async transaction(work) {
      // Kysely cannot nest transactions; joining the enclosing one keeps `work` all-or-nothing.
      if (db.isTransaction) return work(store);
      return db.transaction().execute((transaction) => work(createStore(transaction, dialect, cipher)));
    },
    async close() {
      // The connection belongs to the store that opened the transaction.
      if (db.isTransaction) return;
      await db.destroy();
    },
  };
  return store;
}
