import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { batch, type BatchRequest } from '../../../src/graph/batch';
import { parseRetryAfter } from '../../../src/graph/parse-retry-after';
import { type GatewayTest, startGatewayTest } from './support/start-gateway-test';

let test: GatewayTest;
afterEach(() => test.close());

const sentBatchSchema = z.object({ requests: z.array(z.object({ id: z.string(), headers: z.record(z.string(), z.string()) })) });
const batchAnswerSchema = z.object({
  responses: z.array(z.object({ id: z.string(), status: z.number(), headers: z.record(z.string(), z.string()).optional() })),
});

/** The `$batch`es that got a batch answer (a whole batch refused with 429 is sent again as it was), in order. */
function batchRounds(gateway: GatewayTest) {
  return gateway.sent.flatMap((request) => {
    const answer = batchAnswerSchema.safeParse(request.answer?.body);
    if (!request.url.endsWith('/$batch') || !answer.success) return [];
    return [{ ids: sentBatchSchema.parse(request.body).requests.map((item) => item.id), answers: answer.data.responses }];
  });
}

const create = (mailbox: string, id: string, givenName: string): BatchRequest => ({
  id,
  method: 'POST',
  url: `/users/${mailbox}/contacts`,
  body: { givenName },
});

describe('$batch through the gateway', () => {
  it('sends again only the requests answered 429, after the longest Retry-After among them, and returns 400s as data', async () => {
    test = await startGatewayTest({
      emulator: { latencyMs: 30, throttling: { concurrentRequests: 3, concurrencyRetryAfterMs: 1000 } },
    });
    const { client, mailbox, graph, sleeps } = test;
    graph.emulator.admin.setFaults({ seed: 7, throttledShare: 0.2, retryAfterSeconds: 2.5 });
    const requests = [
      ...Array.from({ length: 8 }, (_, index) => create(mailbox, `ok-${index}`, `Batch ${index}`)),
      { ...create(mailbox, 'typo-1', 'x'), body: { nickname: 'not a contact property' } },
      { ...create(mailbox, 'typo-2', 'y'), body: { emailAddresses: 'not a list' } },
    ];

    const answers = await batch(client, mailbox, requests);

    expect(answers.map((answer) => [answer.id, answer.status])).toEqual([
      ...requests.slice(0, 8).map((request) => [request.id, 201]),
      ['typo-1', 400],
      ['typo-2', 400],
    ]);
    expect(answers.filter((answer) => !answer.ok).map((answer) => !answer.ok && answer.error.code)).toEqual(['invalid_input', 'invalid_input']);
    const rounds = batchRounds(test);
    expect(rounds.length).toBeGreaterThan(1);
    rounds.slice(1).forEach((round, index) => {
      const previous = rounds[index];
      const throttled = previous?.answers.filter((answer) => answer.status === 429) ?? [];
      expect(round.ids.toSorted()).toEqual(throttled.map((answer) => answer.id).toSorted());
      const longest = Math.max(...throttled.map((answer) => parseRetryAfter(answer.headers?.['Retry-After']) ?? 0));
      expect(sleeps).toContain(longest);
    });
    expect(graph.emulator.admin.readMailbox(mailbox).contacts).toHaveLength(8);
  });

  it('asks for immutable ids on every request of the batch', async () => {
    test = await startGatewayTest();
    const { client, mailbox, graph } = test;

    const [answer] = await batch(client, mailbox, [create(mailbox, '1', 'Immutable')]);

    expect(answer?.ok && answer.body).toMatchObject({ id: graph.emulator.admin.readMailbox(mailbox).contacts[0]?.immutableId });
    expect(sentBatchSchema.parse(test.sent[0]?.body).requests[0]?.headers).toMatchObject({ Prefer: 'IdType="ImmutableId"', 'Content-Type': 'application/json' });
  });

  it('splits 45 requests into batches of 20, 20 and 5 and answers them in request order', async () => {
    test = await startGatewayTest();
    const { client, mailbox, graph } = test;
    const requests = Array.from({ length: 45 }, (_, index): BatchRequest => ({ id: `r${index}`, method: 'GET', url: `/users/${mailbox}/contacts?$top=1` }));

    const answers = await batch(client, mailbox, requests);

    expect(batchRounds(test).map((round) => round.ids.length)).toEqual([20, 20, 5]);
    expect(answers.map((answer) => answer.id)).toEqual(requests.map((request) => request.id));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(graph.emulator.admin.counters().batches).toBe(3);
  });

  it('answers a missing contact as a not_found failure without failing the others', async () => {
    test = await startGatewayTest();
    const { client, mailbox } = test;

    const answers = await batch(client, mailbox, [
      { id: 'gone', method: 'GET', url: `/users/${mailbox}/contacts/AAMkAGone=` },
      create(mailbox, 'new', 'Still created'),
    ]);

    expect(answers.map((answer) => (answer.ok ? answer.status : answer.error.code))).toEqual(['not_found', 201]);
  });

  it('refuses two requests with the same id before sending anything', async () => {
    test = await startGatewayTest();
    const { client, mailbox, sent } = test;

    await expect(batch(client, mailbox, [create(mailbox, 'a', 'A'), create(mailbox, 'A', 'B')])).rejects.toMatchObject({ code: 'invalid_input' });
    expect(sent).toEqual([]);
  });
});
