import { describe, expect, it } from 'vitest';
import type { ActionCollectionReport } from '../../../server/jobs/action-collection-run';
import { countActionCollectionRun } from '../../../server/metrics/count-action-collection-run';
import { createBridgeMetrics } from '../../../server/metrics/create-bridge-metrics';
import { readMetric } from './support/read-metric';

const report = (overrides: Partial<ActionCollectionReport>): ActionCollectionReport => ({
  outcome: 'succeeded',
  quiet: false,
  applied: { outlookCreated: 0, outlookUpdated: 0, outlookRemoved: 0, erpCreated: 0, erpUpdated: 0 },
  failedOperations: 0,
  startedAt: '2026-11-02T09:00:00.000Z',
  finishedAt: '2026-11-02T09:00:02.000Z',
  ...overrides,
});

describe('countActionCollectionRun', () => {
  it('counts an events run by outcome and the items it wrote on each side', async () => {
    const metrics = createBridgeMetrics();

    countActionCollectionRun(metrics, 'events', report({ outcome: 'partial', applied: { outlookCreated: 4, outlookUpdated: 2, outlookRemoved: 1, erpCreated: 3, erpUpdated: 5 }, failedOperations: 1 }));

    const written = (side: string, operation: string) => readMetric(metrics.registry, 'erp_bridge_sync_items_written_total', { collection: 'events', side, operation });
    expect(await readMetric(metrics.registry, 'erp_bridge_sync_runs_total', { collection: 'events', result: 'partial' })).toBe(1);
    expect([await written('outlook', 'create'), await written('outlook', 'update'), await written('outlook', 'remove')]).toEqual([4, 2, 1]);
    expect([await written('erp', 'create'), await written('erp', 'update')]).toEqual([3, 5]);
    expect(await readMetric(metrics.registry, 'erp_bridge_sync_items_written_total', { collection: 'tasks' })).toBe(0);
  });

  it('counts a tasks run that failed with the code that stopped it', async () => {
    const metrics = createBridgeMetrics();

    countActionCollectionRun(metrics, 'tasks', report({ outcome: 'failed', failure: { code: 'forbidden', message: 'Tasks.ReadWrite is not granted' } }));

    expect(await readMetric(metrics.registry, 'erp_bridge_sync_runs_total', { collection: 'tasks', result: 'failed' })).toBe(1);
    expect(await readMetric(metrics.registry, 'erp_bridge_sync_failures_total', { collection: 'tasks', scope: 'run', code: 'forbidden' })).toBe(1);
  });
});
