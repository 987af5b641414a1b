import { afterEach, beforeEach, describe } from 'vitest';
import type { StoreOptions } from '../../../server/store/open-store';
import type { Store } from '../../../server/store/store';
import { describeActivationStore } from './describe-activation-store';
import { describeAuditStore } from './describe-audit-store';
import { describeConflictStore } from './describe-conflict-store';
import { describeCursorStore } from './describe-cursor-store';
import { describeGraphNotificationStore } from './describe-graph-notification-store';
import { describeLinkStore } from './describe-link-store';
import { describeLoggedItemStore } from './describe-logged-item-store';
import { describeRunStore } from './describe-run-store';
import { describeSettingsStore } from './describe-settings-store';
import { describeStoreTransaction } from './describe-store-transaction';
import { describeSyncPolicyStore } from './describe-sync-policy-store';
import { describeTokenCacheStore } from './describe-token-cache-store';
import { describeUserIsolation } from './describe-user-isolation';
import { describeUserStore } from './describe-user-store';
import { anEncryptionKey } from './store-record-builders';

/** Opens a migrated store; specs use fresh ids, so the database may be shared between them. */
export type OpenTestStore = (options?: StoreOptions) => Promise<Store>;

/** The store under test in the current spec, opened before it and closed after it. */
export type CurrentStore = () => Store;

/** The behaviour every store backend must show, run once per database. */
export function describeStoreContract(name: string, open: OpenTestStore): void {
  describe(`the store on ${name}`, () => {
    let store: Store | undefined;
    beforeEach(async () => {
      store = await open({ encryptionKey: anEncryptionKey() });
    });
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });
    const current: CurrentStore = () => {
      if (store === undefined) throw new Error('no store is open outside a spec');
      return store;
    };

    describeUserStore(current);
    describeActivationStore(current);
    describeSyncPolicyStore(current);
    describeSettingsStore(current);
    describeLoggedItemStore(current);
    describeAuditStore(current);
    describeRunStore(current);
    describeLinkStore(current);
    describeCursorStore(current);
    describeConflictStore(current);
    describeGraphNotificationStore(current);
    describeTokenCacheStore(current, open);
    describeStoreTransaction(current);
    describeUserIsolation(current);
  });
}
