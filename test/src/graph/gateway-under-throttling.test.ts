import { afterEach, describe, expect, it } from 'vitest';
import { batch } from '../../../src/graph/batch';
import { createContact } from '../../../src/graph/contacts/create-contact';
import { toGraphContact } from '../../../src/graph/contacts/to-graph-contact';
import { SyncError } from '../../../src/sync/sync-error';
import { type GatewayTest, startGatewayTest } from './support/start-gateway-test';

let test: GatewayTest;
afterEach(() => test.close());

/**
 * Graph's limits scaled down in time: 600 requests per 2 s window instead of 10,000 per 10 min, 4 in
 * flight, a little latency; the client is told the same budget, as it is told Graph's in production.
 */
const budget = { requests: 600, windowMs: 2000 };
const scaledThrottling = {
  emulator: { latencyMs: 2, throttling: { concurrentRequests: 4, requestsPerWindow: budget.requests, windowMs: budget.windowMs, fractionalRetryAfter: true } },
  client: { now: Date.now, sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)), requestBudget: budget },
};

const load = 2000;

async function measure<T>(work: () => Promise<T>) {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

describe('the gateway under Graph throttling', () => {
  it(`creates ${load} contacts one request each with 0 failures and no 429, never more than 4 in flight`, async () => {
    test = await startGatewayTest(scaledThrottling);
    const { client, mailbox, graph } = test;
    const folder = graph.emulator.admin.readMailbox(mailbox).defaultFolderId;

    const { result: outcomes, seconds } = await measure(() =>
      Promise.allSettled(
        Array.from({ length: load }, (_, index) =>
          createContact(client, mailbox, folder, toGraphContact({ givenName: `Load ${index}`, emails: [] }), { environment: 'acme', erpId: `C-${index}` }),
        ),
      ),
    );

    const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason instanceof SyncError ? outcome.reason.code : String(outcome.reason)] : []));
    const counters = graph.emulator.admin.counters().mailboxes[mailbox];
    console.info(`${load} creates: ${seconds.toFixed(1)} s, ${counters?.requests} admitted, ${counters?.throttled} answered 429, peak ${counters?.peakConcurrency} in flight`);
    expect(failures).toEqual([]);
    expect(counters?.throttled).toBe(0);
    expect(counters?.peakConcurrency).toBeLessThanOrEqual(4);
    expect(graph.emulator.admin.readMailbox(mailbox).contacts).toHaveLength(load);
  });

  it(`creates ${load} contacts in $batches of 20 with 0 failures and no 429, never more than 4 in flight`, async () => {
    test = await startGatewayTest(scaledThrottling);
    const { client, mailbox, graph } = test;
    const requests = Array.from({ length: load }, (_, index) => ({
      id: `c${index}`,
      method: 'POST' as const,
      url: `/users/${mailbox}/contacts`,
      body: toGraphContact({ givenName: `Batch ${index}`, emails: [] }),
    }));

    const { result: answers, seconds } = await measure(() => batch(client, mailbox, requests));

    const counters = graph.emulator.admin.counters().mailboxes[mailbox];
    console.info(`${load} creates in batches: ${seconds.toFixed(1)} s, ${counters?.requests} admitted, ${counters?.throttled} answered 429, peak ${counters?.peakConcurrency} in flight`);
    expect(answers.filter((answer) => !answer.ok)).toEqual([]);
    expect(counters?.throttled).toBe(0);
    expect(counters?.peakConcurrency).toBeLessThanOrEqual(4);
    expect(graph.emulator.admin.readMailbox(mailbox).contacts).toHaveLength(load);
  });
});
