import type { Contact } from '@microsoft/microsoft-graph-types';
import { afterEach, describe, expect, it } from 'vitest';
import { batch } from '../../../src/graph/batch';
import type { GraphAnswer } from '../../../src/graph/create-graph-client';
import { SyncError } from '../../../src/sync/sync-error';
import { contoso, type GatewayTest, type GatewayTestOptions, startGatewayTest } from './support/start-gateway-test';
import { holdAdmittedRequests } from '../../dev/m365/graph/support/hold-admitted-requests';

let test: GatewayTest;
afterEach(() => test.close());

const start = async (options: GatewayTestOptions = {}) => {
  test = await startGatewayTest(options);
  return test;
};

/** Switches faults off the first time the client waits, i.e. once it has met the fault. */
const faultsOffOnFirstWait = (): GatewayTestOptions => ({ onSleep: () => test.graph.emulator.admin.setFaults(undefined) });

const contactsOf = (mailbox: string) => `/users/${mailbox}/contacts`;

describe('the Graph client', () => {
  it('asks for immutable ids on every request', async () => {
    const { client, mailbox, graph, sent } = await start();

    const created = await client.request<Contact>('POST', contactsOf(mailbox), { body: { givenName: 'Ana' }, headers: { Prefer: 'return=representation' } });

    const stored = graph.emulator.admin.readMailbox(mailbox).contacts[0];
    expect(created.id).toBe(stored?.immutableId);
    expect(created.id).not.toBe(stored?.id);
    expect(sent[0]?.headers.get('prefer')).toBe('IdType="ImmutableId", return=representation');
  });

  it("waits Graph's fractional Retry-After to the millisecond, then sends the request again", async () => {
    const { client, mailbox, graph, sleeps, sent } = await start(faultsOffOnFirstWait());
    graph.emulator.admin.setFaults({ seed: 1, throttledShare: 1, retryAfterSeconds: 2.128 });

    const contacts = await client.request<{ value: Contact[] }>('GET', contactsOf(mailbox));

    expect(contacts.value).toEqual([]);
    expect(sleeps).toEqual([2128]);
    expect(sent).toHaveLength(2);
  });

  it('backs off exponentially with full jitter when Graph gives no Retry-After, and gives up after its bound', async () => {
    const { client, mailbox, graph, sleeps, sent } = await start({ client: { random: () => 0.5, maxRetries: 3, backoff: { baseDelayMs: 1000, maxDelayMs: 3000 } } });
    graph.emulator.admin.setFaults({ seed: 1, gatewayTimeoutShare: 1 });

    const failure = client.request('GET', contactsOf(mailbox));

    await expect(failure).rejects.toBeInstanceOf(SyncError);
    await expect(failure).rejects.toMatchObject({ code: 'unavailable', status: 504 });
    expect(sleeps).toEqual([500, 1000, 1500]);
    expect(sent).toHaveLength(4);
  });

  it('sends a read again after a connection reset', async () => {
    const { client, mailbox, graph, sent } = await start(faultsOffOnFirstWait());
    graph.emulator.admin.setFaults({ seed: 1, connectionResetShare: 1 });

    await expect(client.request('GET', contactsOf(mailbox))).resolves.toMatchObject({ value: [] });
    expect(sent).toHaveLength(2);
  });

  it('does not send a create again after a reset or a 504, since it may have run, and says the outcome is unknown', async () => {
    const { client, mailbox, graph, sent } = await start();
    graph.emulator.admin.setFaults({ seed: 1, connectionResetShare: 0.5, gatewayTimeoutShare: 0.5 });

    const outcomes = await Promise.allSettled([1, 2, 3, 4].map(() => client.request('POST', contactsOf(mailbox), { body: { givenName: 'Once' } })));

    expect(outcomes.map((outcome) => outcome.status === 'rejected' && outcome.reason instanceof SyncError && outcome.reason.outcomeUnknown)).toEqual([true, true, true, true]);
    expect(sent).toHaveLength(4);
  });

  it('sends a create again after a 503, which Graph answers before doing anything', async () => {
    const { client, mailbox, graph, sleeps } = await start(faultsOffOnFirstWait());
    graph.emulator.admin.setFaults({ seed: 1, serviceUnavailableShare: 1, retryAfterSeconds: 3 });

    await client.request('POST', contactsOf(mailbox), { body: { givenName: 'After503' } });

    expect(sleeps).toEqual([3000]);
    expect(graph.emulator.admin.readMailbox(mailbox).contacts.map((contact) => contact.givenName)).toEqual(['After503']);
  });

  it('throws auth_required at once for a refused token, without retrying', async () => {
    let token = '';
    const { client, mailbox, graph, sent } = await start({ client: { getAccessToken: async () => token } });
    token = await graph.tokens.forged({ tenantId: contoso.tenantId, userId: contoso.ana.id, scopes: ['Contacts.ReadWrite'] });

    await expect(client.request('GET', contactsOf(mailbox))).rejects.toMatchObject({ code: 'auth_required', status: 401 });
    expect(sent).toHaveLength(1);
  });

  it('turns a failing token source into auth_required, keeping the cause', async () => {
    const cause = new Error('interaction_required');
    const { client, mailbox } = await start({ client: { getAccessToken: () => Promise.reject(cause) } });

    await expect(client.request('GET', contactsOf(mailbox))).rejects.toMatchObject({ code: 'auth_required', cause });
  });

  it('keeps at most 4 requests in flight per mailbox, each mailbox on its own', async () => {
    const { client, graph } = await start();
    // Held until both mailboxes have 4 in flight: a fifth the client let through would be answered 429.
    const held = holdAdmittedRequests(graph.emulator.admin);

    const all = Promise.all(
      [contoso.ana.id, contoso.ben.id].flatMap((mailbox) => Array.from({ length: 16 }, () => client.request('GET', contactsOf(mailbox)))),
    );
    await held.reached(8);
    held.release();
    await all;

    const counters = graph.emulator.admin.counters();
    expect(counters.mailboxes[contoso.ana.id]).toMatchObject({ requests: 16, peakConcurrency: 4, throttled: 0 });
    expect(counters.mailboxes[contoso.ben.id]).toMatchObject({ requests: 16, peakConcurrency: 4, throttled: 0 });
  });

  it('follows absolute links under its base URL but never sends its token to another host', async () => {
    const { client, mailbox, sent } = await start();

    await expect(client.request('GET', `${client.baseUrl}${contactsOf(mailbox)}`)).resolves.toMatchObject({ value: [] });
    await expect(client.request('GET', `https://graph.example.test/v1.0${contactsOf(mailbox)}`)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(sent).toHaveLength(1);
  });

  it('reads a page of a collection item by item, mapping each as it arrives, with the link to the next page', async () => {
    const { client, mailbox } = await start();
    for (const givenName of ['Ana', 'Ben', 'Chloé']) await client.request('POST', contactsOf(mailbox), { body: { givenName } });

    const first = await client.requestCollection(`${contactsOf(mailbox)}?$top=2`, (contact: Contact) => contact.givenName);
    const second = await client.requestCollection(first['@odata.nextLink'] ?? '', (contact: Contact) => contact.givenName);

    expect(first.value).toHaveLength(2);
    expect(second.value).toHaveLength(1);
    expect(second['@odata.nextLink']).toBeUndefined();
    expect([...(first.value ?? []), ...(second.value ?? [])].sort()).toEqual(['Ana', 'Ben', 'Chloé']);
  });

  it('reads a page again after a connection reset, returning nothing of the failed attempt', async () => {
    const { client, mailbox, graph, sent } = await start(faultsOffOnFirstWait());
    await client.request('POST', contactsOf(mailbox), { body: { givenName: 'Ana' } });
    graph.emulator.admin.setFaults({ seed: 1, connectionResetShare: 1 });

    await expect(client.requestCollection(contactsOf(mailbox), (contact: Contact) => contact.givenName)).resolves.toEqual({ value: ['Ana'] });
    expect(sent).toHaveLength(3);
  });

  it('turns a collection page that is not JSON into unavailable, and an error answer into its code', async () => {
    const { client, mailbox } = await start();
    const created = await client.request<Contact>('POST', contactsOf(mailbox), { body: { givenName: 'Ana' } });

    await expect(client.requestCollection(`${contactsOf(mailbox)}/${created.id ?? ''}`, (item: unknown) => item)).rejects.toMatchObject({ code: 'unavailable' });
    await expect(client.requestCollection(`${contactsOf(mailbox)}/AAMkMissing`, (contact: Contact) => contact.id)).rejects.toMatchObject({ code: 'not_found' });
  });
  it('tells its observer of each attempt sent, with the mailbox budget it found: a retry after Retry-After goes as throttled', async () => {
    const answers: GraphAnswer[] = [];
    const { client, mailbox, graph } = await start({ ...faultsOffOnFirstWait(), client: { onAnswer: (answer) => answers.push(answer) } });
    graph.emulator.admin.setFaults({ seed: 1, throttledShare: 1, retryAfterSeconds: 1 });

    await client.request('GET', contactsOf(mailbox));

    expect(answers).toEqual([
      { budget: 'ok', requests: 1, status: 429, throttled: 1 },
      { budget: 'throttled', requests: 1, status: 200, throttled: 0 },
    ]);
  });

  it('counts the requests of a $batch and the 429s of its items, as many as Graph answered', async () => {
    const answers: GraphAnswer[] = [];
    const { client, mailbox, graph } = await start({ client: { onAnswer: (answer) => answers.push(answer) } });
    graph.emulator.admin.setFaults({ seed: 7, throttledShare: 0.4, retryAfterSeconds: 0.5 });

    const written = await batch(client, mailbox, Array.from({ length: 12 }, (_, index) => ({ id: String(index), method: 'POST' as const, url: contactsOf(mailbox), body: { givenName: `N${index}` } })));

    expect(written.every((answer) => answer.ok)).toBe(true);
    const refused = graph.emulator.admin.counters().faults.throttled;
    expect(refused).toBeGreaterThan(0);
    expect(answers.reduce((sum, answer) => sum + answer.throttled, 0)).toBe(refused);
    expect(answers[0]).toMatchObject({ budget: 'ok', requests: 12 });
  });

  it('tells nothing of an attempt that never left because no token came', async () => {
    const answers: GraphAnswer[] = [];
    const { client, mailbox } = await start({ client: { getAccessToken: () => Promise.reject(new Error('no token')), onAnswer: (answer) => answers.push(answer) } });

    await expect(client.request('GET', contactsOf(mailbox))).rejects.toMatchObject({ code: 'auth_required' });
    expect(answers).toEqual([]);
  });
});
