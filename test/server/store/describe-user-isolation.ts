import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSyncSettings } from '../../../src/domain/sync-settings';
import type { UserKey } from '../../../server/store/store';
import type { CurrentStore } from './describe-store-contract';
import { aConflict, aCursor, aLink, anAuditEntry, aRun, aUser } from './store-record-builders';

/** Ana's rows, seeded before each spec; every method asked on behalf of someone else must miss them. */
interface AnasRows {
  ana: UserKey;
  runId: string;
  conflictId: string;
  erpId: string;
  outlookId: string;
  environment: string;
}

export function describeUserIsolation(store: CurrentStore): void {
  describe('user isolation', () => {
    let rows: AnasRows;

    beforeEach(async () => {
      const ana = aUser();
      await store().users.upsert(ana, '2025-03-01T10:00:00.000Z');
      const link = aLink(ana);
      const run = aRun(ana);
      const conflict = aConflict(ana);
      await store().settings.put(ana, { ...defaultSyncSettings, enabled: true }, '2025-03-01T10:00:00.000Z');
      await store().links.upsert(link);
      await store().cursors.put(aCursor(ana));
      await store().runs.create(run);
      await store().conflicts.add(conflict);
      await store().audit.append(anAuditEntry(ana));
      await store().tokenCache.put(ana, '{"RefreshToken":{}}', '2025-03-01T10:00:00.000Z');
      await store().loggedItems.claim({ environment: ana.environment, itemKey: 'email:<x@y>', loggedBy: ana, loggedAt: '2025-03-01T10:00:00.000Z' });
      rows = { ana, runId: run.id, conflictId: conflict.id, erpId: link.erpId, outlookId: link.outlookId, environment: ana.environment };
    });

    const others: [string, (ana: UserKey) => UserKey][] = [
      ['a colleague in the same tenant', (ana) => ({ tenantId: ana.tenantId, objectId: randomUUID() })],
      ['the same object id in another tenant', (ana) => ({ tenantId: randomUUID(), objectId: ana.objectId })],
    ];

    describe.each(others)('%s', (_, otherThan) => {
      let other: UserKey;
      beforeEach(async () => {
        other = otherThan(rows.ana);
        await store().users.upsert({ ...other, environment: rows.environment, email: 'bruno@example.com', displayName: 'Bruno' }, '2025-03-01T10:00:00.000Z');
      });

      it('is a different user', async () => {
        expect((await store().users.get(other))?.email).toBe('bruno@example.com');
        expect((await store().users.get(rows.ana))?.email).toBe('ana.garcia@example.com');
      });

      it('cannot see Ana’s settings, cursors or token cache', async () => {
        expect(await store().settings.get(other)).toBeUndefined();
        expect(await store().cursors.get(other, 'contacts')).toBeUndefined();
        expect(await store().tokenCache.get(other)).toBeUndefined();
      });

      it('cannot see, change or remove Ana’s links', async () => {
        expect(await store().links.get(other, 'contact', rows.erpId)).toBeUndefined();
        expect(await store().links.findByOutlookId(other, 'contact', rows.outlookId)).toBeUndefined();
        expect(await store().links.listForUser(other, 'contact')).toEqual([]);
        expect(await store().links.remove(other, 'contact', rows.erpId)).toBe(false);
        expect(await store().links.get(rows.ana, 'contact', rows.erpId)).toBeDefined();
      });

      it('cannot see or update Ana’s runs', async () => {
        expect(await store().runs.get(other, rows.runId)).toBeUndefined();
        expect(await store().runs.listForUser(other, 10)).toEqual([]);
        expect(await store().runs.update(other, rows.runId, { status: 'failed' })).toBe(false);
        expect((await store().runs.get(rows.ana, rows.runId))?.status).toBe('queued');
      });

      it('cannot see or resolve Ana’s conflicts', async () => {
        expect(await store().conflicts.get(other, rows.conflictId)).toBeUndefined();
        expect(await store().conflicts.listForUser(other)).toEqual([]);
        expect(await store().conflicts.resolve(other, rows.conflictId, 'erp', '2025-03-01T11:00:00.000Z')).toBe(false);
        expect((await store().conflicts.get(rows.ana, rows.conflictId))?.status).toBe('open');
      });

      it('cannot read Ana’s audit trail', async () => {
        expect(await store().audit.listForUser(other, { limit: 10 })).toEqual([]);
      });

      it('cannot remove Ana’s cursors or token cache', async () => {
        expect(await store().cursors.remove(other, 'contacts')).toBe(false);
        expect(await store().tokenCache.remove(other)).toBe(false);
        expect(await store().tokenCache.get(rows.ana)).toBe('{"RefreshToken":{}}');
      });

      it('cannot complete or release the item Ana is logging', async () => {
        expect(await store().loggedItems.complete(other, rows.environment, 'email:<x@y>', 'ACT-1')).toBe(false);
        expect(await store().loggedItems.release(other, rows.environment, 'email:<x@y>')).toBe(false);
      });

      it('leaves Ana’s rows alone when removed', async () => {
        await store().users.remove(other);
        expect(await store().settings.get(rows.ana)).toMatchObject({ enabled: true });
        expect(await store().links.listForUser(rows.ana, 'contact')).toHaveLength(1);
      });
    });
  });
}
