import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './describe-store-contract';

export function describeActivationStore(store: CurrentStore): void {
  describe('environment activations', () => {
    it('knows nothing of an environment nobody activated', async () => {
      expect(await store().activations.get(`env-${randomUUID()}`)).toBeUndefined();
    });

    it('records who turned sync on and off, with which app registration', async () => {
      const environment = `env-${randomUUID()}`;
      const on = { environment, syncActivated: true, applicationId: 'b7e1c0de-4a2f-4c3b-9d1e-5f6a7b8c9d0e', changedBy: 'lucia@contoso.example', changedAt: '2026-11-02T09:00:00.000Z' };
      await store().activations.put(on);
      expect(await store().activations.get(environment)).toEqual(on);
      const off = { ...on, syncActivated: false, changedAt: '2026-11-03T09:00:00.000Z' };
      await store().activations.put(off);
      expect(await store().activations.get(environment)).toEqual(off);
    });
  });
}
