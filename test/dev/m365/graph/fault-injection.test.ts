import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultConfig } from '../../../../dev/m365/graph/fault-injector';
import type { GraphErrorBody } from './support/graph-json';
import { startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
beforeEach(async () => {
  graph = await startTestGraph();
});
afterEach(() => graph.close());

/** Status of each of `count` sequential requests; a reset connection shows as 'reset'. */
async function outcomes(count: number): Promise<(number | 'reset')[]> {
  const seen: (number | 'reset')[] = [];
  for (let index = 0; index < count; index += 1) {
    try {
      seen.push((await graph.call('/me/contacts')).status);
    } catch {
      seen.push('reset');
    }
  }
  return seen;
}

const chaos: Partial<FaultConfig> = {
  seed: 42,
  throttledShare: 0.15,
  serviceUnavailableShare: 0.1,
  gatewayTimeoutShare: 0.05,
  connectionResetShare: 0.05,
  slowShare: 0.05,
  slowMs: 10,
  retryAfterSeconds: 1.5,
};

describe('fault injection', () => {
  it('fails the same requests the same way for the same seed', async () => {
    graph.emulator.admin.setFaults(chaos);
    const first = await outcomes(60);
    const firstInjected = graph.emulator.admin.faults().injected;
    graph.emulator.admin.setFaults(chaos);
    const second = await outcomes(60);

    expect(second).toEqual(first);
    expect(graph.emulator.admin.faults().injected).toEqual(firstInjected);
    expect(new Set(first)).toEqual(new Set([200, 429, 503, 504, 'reset']));
  });

  it('fails other requests for another seed', async () => {
    graph.emulator.admin.setFaults(chaos);
    const first = await outcomes(40);
    graph.emulator.admin.setFaults({ ...chaos, seed: 7 });

    expect(await outcomes(40)).not.toEqual(first);
  });

  it('answers injected 429 and 503 with a Retry-After, which may be fractional', async () => {
    graph.emulator.admin.setFaults({ seed: 1, throttledShare: 1, retryAfterSeconds: 2.5 });
    const throttled = await graph.call<GraphErrorBody>('/me/contacts');
    graph.emulator.admin.setFaults({ seed: 1, serviceUnavailableShare: 1, retryAfterSeconds: 3 });
    const unavailable = await graph.call<GraphErrorBody>('/me/contacts');

    expect([throttled.status, throttled.body.error.code, throttled.headers.get('retry-after')]).toEqual([429, 'TooManyRequests', '2.5']);
    expect([unavailable.status, unavailable.headers.get('retry-after')]).toEqual([503, '3']);
  });

  it('resets the connection without an answer', async () => {
    graph.emulator.admin.setFaults({ seed: 1, connectionResetShare: 1 });

    await expect(graph.call('/me/contacts')).rejects.toThrow();
  });

  it('answers slowly, holding the request in flight', async () => {
    graph.emulator.admin.setFaults({ seed: 1, slowShare: 1, slowMs: 300 });

    const started = Date.now();
    const answer = await graph.call('/me/contacts');

    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('is switched on and off at runtime through /_admin/faults, and counted', async () => {
    const admin = `${graph.emulator.url}/_admin/faults`;
    const switchedOn = await fetch(admin, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 3, gatewayTimeoutShare: 1 }),
    });
    const failing = await graph.call('/me/contacts');
    await fetch(admin, { method: 'DELETE' });
    const healthy = await graph.call('/me/contacts');

    expect(await switchedOn.json()).toMatchObject({ config: { seed: 3, gatewayTimeoutShare: 1, throttledShare: 0 } });
    expect(failing.status).toBe(504);
    expect(healthy.status).toBe(200);
    expect(graph.emulator.admin.counters().faults.gatewayTimeout).toBe(1);
  });

  it('refuses shares outside 0–1 with 400', async () => {
    const answer = await fetch(`${graph.emulator.url}/_admin/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ throttledShare: 2 }),
    });

    expect(answer.status).toBe(400);
  });
});
