import { afterEach, describe, expect, it } from 'vitest';
import type { GraphErrorBody } from './support/graph-json';
import { holdAdmittedRequests } from './support/hold-admitted-requests';
import { contoso, startTestGraph, type TestGraph } from './support/start-test-graph';

let graph: TestGraph;
afterEach(() => graph.close());

const inParallel = (count: number, request: () => Promise<{ status: number; headers: Headers; body: unknown }>) =>
  Promise.all(Array.from({ length: count }, request));

/** Four requests held in flight while two more arrive, then all six answers. */
async function fourInFlightThenTwoMore() {
  const held = holdAdmittedRequests(graph.emulator.admin);
  const first = inParallel(4, () => graph.call<GraphErrorBody>('/me/contacts'));
  await held.reached(4);
  const more = await inParallel(2, () => graph.call<GraphErrorBody>('/me/contacts'));
  held.release();
  return [...(await first), ...more];
}

describe('throttling per app and mailbox', () => {
  it("admits Graph's four concurrent requests and answers the others 429 MailboxConcurrency with Retry-After", async () => {
    graph = await startTestGraph();

    const answers = await fourInFlightThenTwoMore();

    const throttled = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(4);
    expect(throttled).toHaveLength(2);
    expect(throttled[0]?.body).toMatchObject({ error: { code: 'ApplicationThrottled', message: expect.stringContaining('MailboxConcurrency') } });
    expect(throttled[0]?.headers.get('retry-after')).toBe('1');
    expect(graph.emulator.admin.counters().mailboxes[contoso.ana.id]).toMatchObject({ peakConcurrency: 4, requests: 4, throttled: 2 });
  });

  it('answers requests over the budget of the window with 429 and the seconds until the window frees a request', async () => {
    graph = await startTestGraph({ throttling: { requestsPerWindow: 3, windowMs: 60_000 } });

    const statuses: number[] = [];
    let last: { headers: Headers } | undefined;
    for (let index = 0; index < 4; index += 1) {
      const answer = await graph.call('/me/contacts');
      statuses.push(answer.status);
      last = answer;
    }

    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(Number(last?.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('counts the requests it refuses against the budget, as Graph does: a client that keeps asking stays refused', async () => {
    let nowMs = 0;
    graph = await startTestGraph({ now: () => nowMs, throttling: { requestsPerWindow: 1, windowMs: 10_000 } });

    const admitted = await graph.call('/me/contacts');
    nowMs = 5_000;
    const refused = await graph.call('/me/contacts');
    nowMs = 10_000;
    const afterTheFirstLeftTheWindow = await graph.call('/me/contacts');
    nowMs = 15_000;
    const afterTheRefusedLeftTheWindow = await graph.call('/me/contacts');

    expect([admitted.status, refused.status, afterTheFirstLeftTheWindow.status]).toEqual([200, 429, 429]);
    expect(afterTheFirstLeftTheWindow.headers.get('retry-after')).toBe('5');
    expect(afterTheRefusedLeftTheWindow.status).toBe(429);
    nowMs = 30_000;
    expect((await graph.call('/me/contacts')).status).toBe(200);
    expect(graph.emulator.admin.counters().mailboxes[contoso.ana.id]).toMatchObject({ requests: 2, throttled: 3 });
  });

  it('counts requests refused over the concurrency limit against the budget too', async () => {
    graph = await startTestGraph({ throttling: { requestsPerWindow: 6, windowMs: 60_000 } });

    const answers = await fourInFlightThenTwoMore();
    const next = await graph.call<GraphErrorBody>('/me/contacts');

    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(2);
    expect(next.status).toBe(429);
    expect(next.body.error.message).toContain('request limit');
  });

  it('sends a fractional Retry-After when configured to, and admits again once it has passed', async () => {
    let nowMs = 0;
    graph = await startTestGraph({ now: () => nowMs, throttling: { requestsPerWindow: 1, windowMs: 300, fractionalRetryAfter: true } });

    await graph.call('/me/contacts');
    const throttled = await graph.call('/me/contacts');
    const retryAfter = Number(throttled.headers.get('retry-after'));
    nowMs += retryAfter * 1000;
    const retried = await graph.call('/me/contacts');

    expect(throttled.status).toBe(429);
    expect(retryAfter).toBe(0.3);
    expect(retried.status).toBe(200);
  });

  it('keeps separate budgets per mailbox and per app', async () => {
    graph = await startTestGraph({ throttling: { requestsPerWindow: 1 } });
    const otherApp = await graph.tokens.delegated({
      tenantId: contoso.tenantId,
      userId: contoso.ana.id,
      scopes: ['Contacts.Read'],
      appId: '99999999-9999-4999-8999-999999999999',
    });

    const first = await graph.call('/me/contacts');
    const sameAppSameMailbox = await graph.call('/me/contacts');
    const sameAppOtherMailbox = await graph.call(`/users/${contoso.ben.id}/contacts`, { token: graph.appToken });
    const otherAppSameMailbox = await graph.call('/me/contacts', { token: otherApp });

    expect([first.status, sameAppSameMailbox.status]).toEqual([200, 429]);
    expect(sameAppOtherMailbox.status).toBe(200);
    expect(otherAppSameMailbox.status).toBe(200);
  });

  it('does not count the profile (/me), which is a directory call, against the Outlook limits', async () => {
    graph = await startTestGraph({ throttling: { requestsPerWindow: 1 } });

    const profiles = [await graph.call('/me'), await graph.call('/me')];
    const contacts = await graph.call('/me/contacts');

    expect(profiles.map((answer) => answer.status)).toEqual([200, 200]);
    expect(contacts.status).toBe(200);
  });

  it('exposes and resets the counters, and takes new limits at runtime through the admin API', async () => {
    graph = await startTestGraph();
    await graph.call('/me/contacts');
    await graph.call('/me');

    const before = await (await fetch(`${graph.emulator.url}/_admin/counters`)).json();
    await fetch(`${graph.emulator.url}/_admin/counters/reset`, { method: 'POST' });
    const changed = await fetch(`${graph.emulator.url}/_admin/throttling`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requestsPerWindow: 1 }),
    });
    const afterReset = graph.emulator.admin.counters();
    const statuses = [(await graph.call('/me/contacts')).status, (await graph.call('/me/contacts')).status];

    expect(before).toMatchObject({ requests: 2, mailboxes: { [contoso.ana.id]: { requests: 1, peakConcurrency: 1, throttled: 0 } } });
    expect(afterReset).toMatchObject({ requests: 0, throttled: 0, mailboxes: { [contoso.ana.id]: { requests: 0 } } });
    expect(await changed.json()).toMatchObject({ requestsPerWindow: 1, concurrentRequests: 4, windowMs: 600_000 });
    expect(statuses).toEqual([200, 429]);
    expect(graph.emulator.admin.counters().throttled).toBe(1);
  });
});
