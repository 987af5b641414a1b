import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './describe-store-contract';
import { aRun, aUser } from './store-record-builders';

export function describeRunStore(store: CurrentStore): void {
  describe('runs', () => {
    it('creates a run and reads it back', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const run = aRun(user);
      await store().runs.create(run);
      expect(await store().runs.get(user, run.id)).toEqual(run);
    });

    it('records progress, the end and the report of a run', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const run = aRun(user, { status: 'running', stage: 'reading-erp' });
      await store().runs.create(run);
      expect(await store().runs.update(user, run.id, { stage: 'writing-outlook', done: 120, total: 500 })).toBe(true);
      const report = { created: 480, updated: 20, failures: [{ erpId: 'C-9', code: 'invalid_input' }] };
      expect(await store().runs.update(user, run.id, { status: 'succeeded', done: 500, finishedAt: '2025-03-01T10:04:00.000Z', report })).toBe(true);
      expect(await store().runs.get(user, run.id)).toEqual({ ...run, status: 'succeeded', stage: 'writing-outlook', done: 500, total: 500, finishedAt: '2025-03-01T10:04:00.000Z', report });
    });

    it('says whether the run exists when the change is empty', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const run = aRun(user);
      await store().runs.create(run);
      expect(await store().runs.update(user, run.id, {})).toBe(true);
      expect(await store().runs.update(user, 'no-such-run', {})).toBe(false);
      expect(await store().runs.update(user, 'no-such-run', { done: 1 })).toBe(false);
    });

    it('lists a user’s runs newest first, up to the limit', async () => {
      const user = aUser();
      await store().users.upsert(user, '2025-03-01T10:00:00.000Z');
      const morning = aRun(user, { startedAt: '2025-03-01T08:00:00.000Z' });
      const noon = aRun(user, { startedAt: '2025-03-01T12:00:00.000Z' });
      const evening = aRun(user, { startedAt: '2025-03-01T18:00:00.000Z' });
      for (const run of [noon, evening, morning]) await store().runs.create(run);
      expect((await store().runs.listForUser(user, 2)).map((run) => run.id)).toEqual([evening.id, noon.id]);
    });
  });
}
