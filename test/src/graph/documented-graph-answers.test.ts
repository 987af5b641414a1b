import { describe, expect, it } from 'vitest';
import { batch } from '../../../src/graph/batch';
import { pageContactDelta } from '../../../src/graph/contacts/page-contact-delta';
import { createGraphClient, type GraphClient } from '../../../src/graph/create-graph-client';

/** One scripted answer: what Graph documents for the case, as status, headers and JSON body. */
interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const baseUrl = 'https://graph.microsoft.com/v1.0';
const mailbox = 'ana@contoso.test';

/**
 * A client whose fetch plays `answers` in order (the last one again when they run out) and counts
 * what was sent; waits are recorded and cost no time.
 */
function scriptedClient(answers: readonly ScriptedAnswer[]): { client: GraphClient; sent: string[]; sleeps: number[] } {
  const sent: string[] = [];
  const sleeps: number[] = [];
  let clock = Date.parse('2026-12-06T09:00:00Z');
  const client = createGraphClient({
    baseUrl,
    getAccessToken: async () => 'token',
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    fetch: async (url, init) => {
      sent.push(`${init.method} ${url}`);
      const answer = answers[Math.min(sent.length - 1, answers.length - 1)] ?? { status: 500 };
      const body = answer.body === undefined ? null : JSON.stringify(answer.body);
      return new Response(body, { status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers } });
    },
  });
  return { client, sent, sleeps };
}

/** Graph's throttling page: `429 Too Many Requests` with `Retry-After` and this body. */
const throttledBody = { error: { code: 'TooManyRequests', innerError: { code: '429', date: '2026-12-06T09:00:00', 'request-id': '94fb3b52-452a-4535-a601-69e0a90e3aa2' }, message: 'Please retry again later.' } };
const contactJson = { id: 'AAMkADh', changeKey: 'EQAAABYAAAA', givenName: 'Pavel' };
const batchOf = (responses: unknown[]) => ({ status: 200, body: { responses } });

async function readRound(client: GraphClient): Promise<number> {
  let pages = 0;
  for await (const page of pageContactDelta(client, mailbox, { folderId: 'folder-1' })) {
    pages += 1;
    if (page.deltaLink !== undefined) return pages;
  }
  return pages;
}

describe('the Graph gateway fed the answers Microsoft documents', () => {
  it('refuses a delta round whose last page has neither @odata.nextLink nor @odata.deltaLink, so no empty cursor is ever saved', async () => {
    const { client } = scriptedClient([
      { status: 200, body: { '@odata.context': `${baseUrl}/$metadata#Collection(contact)`, '@odata.nextLink': `${baseUrl}/users/${mailbox}/contactFolders/folder-1/contacts/delta?$skiptoken=a`, value: [contactJson] } },
      { status: 200, body: { '@odata.context': `${baseUrl}/$metadata#Collection(contact)`, value: [] } },
    ]);

    await expect(readRound(client)).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/neither @odata\.nextLink nor @odata\.deltaLink/) });
  });

  it('reads an empty @odata.deltaLink as no link at all', async () => {
    const { client } = scriptedClient([{ status: 200, body: { value: [contactJson], '@odata.deltaLink': '' } }]);

    await expect(readRound(client)).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('ends a round on the page that carries the deltaLink', async () => {
    const { client } = scriptedClient([
      { status: 200, body: { '@odata.nextLink': `${baseUrl}/users/${mailbox}/contactFolders/folder-1/contacts/delta?$skiptoken=a`, value: [] } },
      { status: 200, body: { '@odata.deltaLink': `${baseUrl}/users/${mailbox}/contactFolders/folder-1/contacts/delta?$deltatoken=b`, value: [contactJson] } },
    ]);

    await expect(readRound(client)).resolves.toBe(2);
  });

  it('takes a 501 as a request that did not run and is not worth sending again', async () => {
    const { client, sent } = scriptedClient([{ status: 501, body: { error: { code: 'NotImplemented', message: 'This operation is not supported.' } } }]);

    const failure = client.request('POST', `/users/${mailbox}/contacts`, { body: { givenName: 'Pavel' } });

    await expect(failure).rejects.toMatchObject({ code: 'unavailable', status: 501, outcomeUnknown: false });
    expect(sent).toHaveLength(1);
  });

  it('still takes a 500, 502 and 504 as answers that may come after the work was done', async () => {
    for (const status of [500, 502, 504]) {
      const { client } = scriptedClient([{ status, body: { error: { code: 'UnknownError', message: '' } } }]);
      await expect(client.request('POST', `/users/${mailbox}/contacts`, { body: {} })).rejects.toMatchObject({ status, outcomeUnknown: true });
    }
  });

  it('does not count a 3xx inside a $batch as success', async () => {
    const { client } = scriptedClient([
      batchOf([
        { id: '1', status: 201, headers: { 'Content-Type': 'application/json' }, body: contactJson },
        { id: '2', status: 302, headers: { Location: 'https://outlook.office365.com/api/v2.0/contacts' } },
      ]),
    ]);

    const answers = await batch(client, mailbox, [
      { id: '1', method: 'POST', url: `/users/${mailbox}/contacts`, body: { givenName: 'Pavel' } },
      { id: '2', method: 'POST', url: `/users/${mailbox}/contacts`, body: { givenName: 'Olga' } },
    ]);

    expect(answers.map((answer) => answer.ok)).toEqual([true, false]);
    expect(answers[1]).toMatchObject({ ok: false, status: 302, error: { code: 'unavailable' } });
  });

  it('waits out a whole $batch answered 429 with Retry-After, as the throttling page describes, and sends it again', async () => {
    const { client, sent, sleeps } = scriptedClient([
      { status: 429, headers: { 'Retry-After': '10' }, body: throttledBody },
      batchOf([{ id: '1', status: 201, body: contactJson }]),
    ]);

    const answers = await batch(client, mailbox, [{ id: '1', method: 'POST', url: `/users/${mailbox}/contacts`, body: { givenName: 'Pavel' } }]);

    expect(answers).toEqual([{ id: '1', ok: true, status: 201, body: contactJson }]);
    expect(sent).toEqual([`POST ${baseUrl}/$batch`, `POST ${baseUrl}/$batch`]);
    expect(sleeps).toEqual([10_000]);
  });

  it('waits out a whole $batch answered 424 with Retry-After, as the older batching page describes, and sends it again', async () => {
    const { client, sent, sleeps } = scriptedClient([
      { status: 424, headers: { 'Retry-After': '2.128' }, body: { error: { code: 'FailedDependency', message: 'Please retry again later.' } } },
      batchOf([{ id: '1', status: 201, body: contactJson }]),
    ]);

    const answers = await batch(client, mailbox, [{ id: '1', method: 'POST', url: `/users/${mailbox}/contacts`, body: { givenName: 'Pavel' } }]);

    expect(answers[0]).toMatchObject({ ok: true, status: 201 });
    expect(sent).toHaveLength(2);
    expect(sleeps).toEqual([2128]);
  });

  it('sends again a request of a $batch answered 424 with Retry-After, and leaves a 424 without one as a failed dependency', async () => {
    const { client, sent } = scriptedClient([
      batchOf([
        { id: '1', status: 424, headers: { 'Retry-After': '1' }, body: { error: { code: 'FailedDependency', message: '' } } },
        { id: '2', status: 424, body: { error: { code: 'FailedDependency', message: '' } } },
      ]),
      batchOf([{ id: '1', status: 200, body: contactJson }]),
    ]);

    const answers = await batch(client, mailbox, [
      { id: '1', method: 'GET', url: `/users/${mailbox}/contacts/a` },
      { id: '2', method: 'GET', url: `/users/${mailbox}/contacts/b` },
    ]);

    expect(answers[0]).toMatchObject({ ok: true });
    expect(answers[1]).toMatchObject({ ok: false, error: { code: 'dependency_failed' } });
    expect(sent).toHaveLength(2);
  });
});
