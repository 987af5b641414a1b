import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './describe-store-contract';
import { aUser } from './store-record-builders';

/** Logged items belong to an environment, not to a user; users exist only to say who logged. */
export function describeLoggedItemStore(store: CurrentStore): void {
  describe('logged items', () => {
    const item = (environment: string, loggedBy = aUser(), loggedAt = '2025-03-01T10:00:00.000Z') => ({
      environment,
      itemKey: 'email:<CAF=abc@mail.example.com>',
      loggedBy,
      loggedAt,
    });

    it('lets the first claimer log an item and shows later claimers who holds it', async () => {
      const ana = aUser();
      const bruno = aUser({ environment: ana.environment });
      expect(await store().loggedItems.claim(item(ana.environment, ana))).toEqual({ claimed: true });
      const second = await store().loggedItems.claim(item(ana.environment, bruno, '2025-03-01T10:01:00.000Z'));
      expect(second).toEqual({
        claimed: false,
        existing: { environment: ana.environment, itemKey: 'email:<CAF=abc@mail.example.com>', loggedBy: { tenantId: ana.tenantId, objectId: ana.objectId }, loggedAt: '2025-03-01T10:00:00.000Z' },
      });
    });

    it('gives exactly one of twenty concurrent claims the item', async () => {
      const environment = aUser().environment;
      const claimers = Array.from({ length: 20 }, () => aUser({ environment }));
      const results = await Promise.all(claimers.map((claimer) => store().loggedItems.claim(item(environment, claimer))));
      const winners = claimers.filter((_, index) => results[index]?.claimed);
      expect(winners).toHaveLength(1);
      const holder = await store().loggedItems.get(environment, 'email:<CAF=abc@mail.example.com>');
      expect(holder?.loggedBy).toEqual({ tenantId: winners[0]?.tenantId, objectId: winners[0]?.objectId });
      for (const result of results) if (!result.claimed) expect(result.existing.loggedBy).toEqual(holder?.loggedBy);
    });

    it('keys items per environment, so the same email can be logged in two environments', async () => {
      const ana = aUser();
      expect(await store().loggedItems.claim(item(ana.environment, ana))).toEqual({ claimed: true });
      expect(await store().loggedItems.claim(item(`${ana.environment}-sandbox`, ana))).toEqual({ claimed: true });
    });

    it('records the ERP action id when the claimer completes the item', async () => {
      const ana = aUser();
      await store().loggedItems.claim(item(ana.environment, ana));
      expect(await store().loggedItems.complete(ana, ana.environment, 'email:<CAF=abc@mail.example.com>', 'ACT-42')).toBe(true);
      expect(await store().loggedItems.get(ana.environment, 'email:<CAF=abc@mail.example.com>')).toMatchObject({ erpActionId: 'ACT-42' });
    });

    it('lets only the claimer complete or release an item', async () => {
      const ana = aUser();
      const bruno = aUser({ environment: ana.environment });
      await store().loggedItems.claim(item(ana.environment, ana));
      expect(await store().loggedItems.complete(bruno, ana.environment, 'email:<CAF=abc@mail.example.com>', 'ACT-42')).toBe(false);
      expect(await store().loggedItems.release(bruno, ana.environment, 'email:<CAF=abc@mail.example.com>')).toBe(false);
      expect(await store().loggedItems.get(ana.environment, 'email:<CAF=abc@mail.example.com>')).not.toHaveProperty('erpActionId');
    });

    it('frees a released claim so the item can be logged again', async () => {
      const ana = aUser();
      const bruno = aUser({ environment: ana.environment });
      await store().loggedItems.claim(item(ana.environment, ana));
      expect(await store().loggedItems.release(ana, ana.environment, 'email:<CAF=abc@mail.example.com>')).toBe(true);
      expect(await store().loggedItems.get(ana.environment, 'email:<CAF=abc@mail.example.com>')).toBeUndefined();
      expect(await store().loggedItems.claim(item(ana.environment, bruno))).toEqual({ claimed: true });
    });

    it('never releases an item already logged into the ERP', async () => {
      const ana = aUser();
      await store().loggedItems.claim(item(ana.environment, ana));
      await store().loggedItems.complete(ana, ana.environment, 'email:<CAF=abc@mail.example.com>', 'ACT-42');
      expect(await store().loggedItems.release(ana, ana.environment, 'email:<CAF=abc@mail.example.com>')).toBe(false);
      expect(await store().loggedItems.get(ana.environment, 'email:<CAF=abc@mail.example.com>')).toMatchObject({ erpActionId: 'ACT-42' });
    });

    it('takes over a claim whose writer died before completing it, when asked to', async () => {
      const ana = aUser();
      const bruno = aUser({ environment: ana.environment });
      await store().loggedItems.claim(item(ana.environment, ana, '2025-03-01T10:00:00.000Z'));
      const fresh = await store().loggedItems.claim(item(ana.environment, bruno, '2025-03-01T10:01:00.000Z'), { takeOverClaimsBefore: '2025-03-01T09:55:00.000Z' });
      expect(fresh.claimed).toBe(false);
      const late = await store().loggedItems.claim(item(ana.environment, bruno, '2025-03-01T10:20:00.000Z'), { takeOverClaimsBefore: '2025-03-01T10:05:00.000Z' });
      expect(late).toEqual({ claimed: true });
      expect((await store().loggedItems.get(ana.environment, 'email:<CAF=abc@mail.example.com>'))?.loggedBy).toEqual({ tenantId: bruno.tenantId, objectId: bruno.objectId });
    });

    it('gives a stale claim to exactly one of twenty concurrent claimers taking it over', async () => {
      const environment = aUser().environment;
      await store().loggedItems.claim(item(environment, aUser({ environment }), '2025-03-01T10:00:00.000Z'));
      const claimers = Array.from({ length: 20 }, () => aUser({ environment }));
      const results = await Promise.all(
        claimers.map((claimer) => store().loggedItems.claim(item(environment, claimer, '2025-03-01T11:00:00.000Z'), { takeOverClaimsBefore: '2025-03-01T10:30:00.000Z' })),
      );
      expect(results.filter((result) => result.claimed)).toHaveLength(1);
    });

    it('never takes over an item already logged into the ERP', async () => {
      const ana = aUser();
      await store().loggedItems.claim(item(ana.environment, ana, '2025-03-01T10:00:00.000Z'));
      await store().loggedItems.complete(ana, ana.environment, 'email:<CAF=abc@mail.example.com>', 'ACT-42');
      const late = await store().loggedItems.claim(item(ana.environment, aUser(), '2025-03-02T10:00:00.000Z'), { takeOverClaimsBefore: '2025-03-02T09:00:00.000Z' });
      expect(late).toMatchObject({ claimed: false, existing: { erpActionId: 'ACT-42' } });
    });
  });
}
