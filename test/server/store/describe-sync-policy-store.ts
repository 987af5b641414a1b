import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SyncPolicy } from '../../../src/domain/sync-policy';
import { buildSyncPolicy } from '../../builders/build-sync-policy';
import type { CurrentStore } from './describe-store-contract';

const narrowed: SyncPolicy = buildSyncPolicy({
  contacts: { directions: ['erp-to-outlook', 'two-way'], conflicts: ['erp-wins', 'manual'], defaultDirection: 'two-way', defaultConflicts: 'manual' },
  tasks: { directions: ['off'], conflicts: ['erp-wins'], defaultDirection: 'off', defaultConflicts: 'erp-wins' },
});

export function describeSyncPolicyStore(store: CurrentStore): void {
  describe('environment sync policies', () => {
    it('knows no policy for an environment whose admin never saved one', async () => {
      expect(await store().syncPolicies.get(`env-${randomUUID()}`)).toBeUndefined();
    });

    it('gives back the policy the admin saved, with who and when, and the latest after a change', async () => {
      const environment = `env-${randomUUID()}`;
      const saved = { environment, policy: narrowed, changedBy: 'lucia@contoso.example', changedAt: '2026-11-02T09:00:00.000Z' };
      await store().syncPolicies.put(saved);
      expect(await store().syncPolicies.get(environment)).toEqual(saved);
      const widened = { ...saved, policy: { ...narrowed, tasks: narrowed.events }, changedAt: '2026-11-03T09:00:00.000Z' };
      await store().syncPolicies.put(widened);
      expect(await store().syncPolicies.get(environment)).toEqual(widened);
    });

    it('keeps each environment’s policy apart', async () => {
      const contoso = `env-${randomUUID()}`;
      const fabrikam = `env-${randomUUID()}`;
      await store().syncPolicies.put({ environment: contoso, policy: narrowed, changedBy: 'lucia@contoso.example', changedAt: '2026-11-02T09:00:00.000Z' });
      expect(await store().syncPolicies.get(fabrikam)).toBeUndefined();
    });

    it('refuses a policy whose default is not among its allowed values, and keeps the one stored before', async () => {
      const environment = `env-${randomUUID()}`;
      const saved = { environment, policy: narrowed, changedBy: 'lucia@contoso.example', changedAt: '2026-11-02T09:00:00.000Z' };
      await store().syncPolicies.put(saved);
      const outside = { ...narrowed, contacts: { ...narrowed.contacts, defaultDirection: 'off' as const } };
      await expect(store().syncPolicies.put({ ...saved, policy: outside })).rejects.toMatchObject({ code: 'invalid_input' });
      expect(await store().syncPolicies.get(environment)).toEqual(saved);
    });
  });
}
