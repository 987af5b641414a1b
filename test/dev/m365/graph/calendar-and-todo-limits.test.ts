import { afterEach, describe, expect, it } from 'vitest';
import type { BatchAnswer, GraphErrorBody } from './support/graph-json';
import { contoso, startTestGraph, type TestGraph } from './support/start-test-graph';
import { holdAdmittedRequests } from './support/hold-admitted-requests';

let graph: TestGraph;
afterEach(() => graph.close());

const visit = {
  subject: 'Visit',
  start: { dateTime: '2025-06-02T09:00:00', timeZone: 'UTC' },
  end: { dateTime: '2025-06-02T10:00:00', timeZone: 'UTC' },
};

describe('throttling and faults on calendars and To Do', () => {
  it('shares one per app-and-mailbox concurrency limit between contacts, events and tasks', async () => {
    graph = await startTestGraph();
    const held = holdAdmittedRequests(graph.emulator.admin);
    const paths = ['/me/contacts', '/me/events', '/me/todo/lists', '/me/calendarView?startDateTime=2025-06-01T00:00:00&endDateTime=2025-07-01T00:00:00', '/me/calendars', '/me/events'];
    const call = (path: string) => graph.call<GraphErrorBody>(path, { token: graph.anaSyncToken });

    const first = Promise.all(paths.slice(0, 4).map(call));
    await held.reached(4);
    const more = await Promise.all(paths.slice(4).map(call));
    held.release();
    const answers = [...(await first), ...more];

    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(4);
    expect(answers.filter((answer) => answer.status === 429).map((answer) => answer.body.error.code)).toEqual(['ApplicationThrottled', 'ApplicationThrottled']);
    expect(graph.emulator.admin.counters().mailboxes[contoso.ana.id]).toMatchObject({ peakConcurrency: 4, throttled: 2 });
  });

  it('counts event and task requests, batch items included, against the request budget of the window', async () => {
    graph = await startTestGraph({ throttling: { requestsPerWindow: 2, windowMs: 60_000 } });

    const batch = await graph.call<BatchAnswer>('/$batch', {
      token: graph.anaSyncToken,
      method: 'POST',
      body: {
        requests: [
          { id: '1', method: 'POST', url: '/me/events', body: visit, headers: { 'content-type': 'application/json' }, dependsOn: [] },
          { id: '2', method: 'GET', url: '/me/todo/lists', dependsOn: ['1'] },
          { id: '3', method: 'GET', url: '/me/events', dependsOn: ['2'] },
        ],
      },
    });

    expect(batch.body.responses.map((response) => [response.id, response.status])).toEqual([
      ['1', 201],
      ['2', 200],
      ['3', 429],
    ]);
  });

  it('injects the seeded faults into calendar and To Do requests too', async () => {
    graph = await startTestGraph();
    graph.emulator.admin.setFaults({ seed: 7, serviceUnavailableShare: 1, retryAfterSeconds: 2 });

    const event = await graph.call<GraphErrorBody>('/me/events', { token: graph.anaSyncToken });
    const tasks = await graph.call<GraphErrorBody>('/me/todo/lists', { token: graph.anaSyncToken });
    const subscriptions = await graph.call<GraphErrorBody>('/subscriptions', { token: graph.anaSyncToken });

    for (const answer of [event, tasks, subscriptions]) {
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('2');
    }
    expect(graph.emulator.admin.faults().injected).toEqual(['serviceUnavailable', 'serviceUnavailable', 'serviceUnavailable']);
  });
});
