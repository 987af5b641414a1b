import { register } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createBridgeMetrics } from '../../../server/metrics/create-bridge-metrics';
import { readMetric } from './support/read-metric';

describe('createBridgeMetrics', () => {
  it('keeps each bridge’s metrics in a registry of its own, never in prom-client’s global one', async () => {
    const first = createBridgeMetrics();
    const second = createBridgeMetrics();

    first.countRun('contacts', 'succeeded');

    expect(await readMetric(first.registry, 'erp_bridge_sync_runs_total', { result: 'succeeded' })).toBe(1);
    expect(await readMetric(second.registry, 'erp_bridge_sync_runs_total', { result: 'succeeded' })).toBe(0);
    expect(register.getSingleMetric('erp_bridge_sync_runs_total')).toBeUndefined();
  });

  it('counts a failed run with the code that stopped it', async () => {
    const metrics = createBridgeMetrics();

    metrics.countRun('events', 'failed', 'auth_required');
    metrics.countRun('tasks', 'waiting_confirmation');

    expect(await readMetric(metrics.registry, 'erp_bridge_sync_runs_total', { collection: 'events', result: 'failed' })).toBe(1);
    expect(await readMetric(metrics.registry, 'erp_bridge_sync_failures_total', { collection: 'events', scope: 'run', code: 'auth_required' })).toBe(1);
    expect(await readMetric(metrics.registry, 'erp_bridge_sync_failures_total', { collection: 'tasks' })).toBe(0);
  });

  it('counts Graph requests and 429s by the budget state they were sent in, a $batch by its requests', async () => {
    const metrics = createBridgeMetrics();

    metrics.observeGraphAnswer({ budget: 'ok', requests: 20, status: 200, throttled: 3 });
    metrics.observeGraphAnswer({ budget: 'throttled', requests: 1, status: 429, throttled: 1 });
    metrics.observeGraphAnswer({ budget: 'near_limit', requests: 1, throttled: 0 });

    expect(await readMetric(metrics.registry, 'erp_bridge_graph_requests_total', { budget_state: 'ok' })).toBe(20);
    expect(await readMetric(metrics.registry, 'erp_bridge_graph_requests_total', { budget_state: 'near_limit' })).toBe(1);
    expect(await readMetric(metrics.registry, 'erp_bridge_graph_throttled_total', { budget_state: 'ok' })).toBe(3);
    expect(await readMetric(metrics.registry, 'erp_bridge_graph_throttled_total', { budget_state: 'throttled' })).toBe(1);
  });

  it('reads the queue depth on each scrape, and says NaN when it cannot be read', async () => {
    const failures: unknown[] = [];
    const metrics = createBridgeMetrics({ onCollectFailure: (error) => failures.push(error) });
    let depth: number | Error = 4;
    metrics.watchQueueDepth(async () => {
      if (depth instanceof Error) throw depth;
      return depth;
    });

    expect(await metrics.registry.metrics()).toContain('erp_bridge_sync_queue_depth 4');
    depth = 7;
    expect(await metrics.registry.metrics()).toContain('erp_bridge_sync_queue_depth 7');
    depth = new Error('the queue database is down');
    const text = await metrics.registry.metrics();

    expect(text).toMatch(/^erp_bridge_sync_queue_depth nan$/im);
    expect(text).toContain('erp_bridge_sync_runs_total');
    expect(failures).toEqual([depth]);
  });

  it('observes notification lags in seconds and ignores a lag that is no duration', async () => {
    const metrics = createBridgeMetrics();

    metrics.observeNotificationLag(0.8);
    metrics.observeNotificationLag(12);
    metrics.observeNotificationLag(-1);
    metrics.observeNotificationLag(Number.NaN);

    const text = await metrics.registry.metrics();
    expect(text).toContain('erp_bridge_notification_lag_seconds_count 2');
    expect(text).toContain('erp_bridge_notification_lag_seconds_bucket{le="1"} 1');
    expect(text).toContain('erp_bridge_notification_lag_seconds_bucket{le="30"} 2');
  });

  it('adds prom-client’s process metrics when asked', async () => {
    expect(await createBridgeMetrics({ defaultMetrics: true }).registry.metrics()).toContain('process_resident_memory_bytes');
    expect(await createBridgeMetrics().registry.metrics()).not.toContain('process_resident_memory_bytes');
  });
});
