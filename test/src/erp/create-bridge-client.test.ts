import { describe, expect, it } from 'vitest';
import { SignInError } from '../../../src/auth/sign-in-error';
import type { TokenSource } from '../../../src/auth/token-source';
import { BridgeError } from '../../../src/erp/bridge-error';
import { createBridgeClient } from '../../../src/erp/create-bridge-client';

interface Call {
  method: string;
  url: string;
  authorization: string | null;
  body?: unknown;
}

function bridgeWith(answers: (call: Call) => Response | Promise<Response>, tokens?: TokenSource, waits: number[] = []) {
  const calls: Call[] = [];
  const forced: boolean[] = [];
  const tokenSource: TokenSource = tokens ?? {
    getToken: async (request) => {
      forced.push(request?.forceRefresh ?? false);
      return request?.forceRefresh ? 'fresh-token' : 'cached-token';
    },
  };
  const fetchBridge: typeof fetch = async (input, init) => {
    const call: Call = {
      method: init?.method ?? 'GET',
      url: String(input),
      authorization: new Headers(init?.headers).get('authorization'),
      ...(typeof init?.body === 'string' ? { body: JSON.parse(init.body) } : {}),
    };
    calls.push(call);
    return answers(call);
  };
  // Waits are recorded and end at once: the test checks the delay asked for, not the clock.
  const wait = async (ms: number) => {
    waits.push(ms);
  };
  return { bridge: createBridgeClient({ baseUrl: 'https://erp.example.com', tokens: tokenSource, fetch: fetchBridge, pacing: { wait } }), calls, forced, waits };
}

describe('the bridge client', () => {
  it('finds contacts by exact email with the bearer token', async () => {
    const { bridge, calls } = bridgeWith(() => Response.json({ items: [{ id: 'C-1' }] }));
    expect(await bridge.findContactsByEmail('Lucía+ventas@talleres.es')).toEqual([{ id: 'C-1' }]);
    expect(calls).toEqual([{ method: 'GET', url: 'https://erp.example.com/api/contacts?email=Luc%C3%ADa%2Bventas%40talleres.es&limit=20', authorization: 'Bearer cached-token' }]);
  });

  it('sends bodies as JSON and escapes ids in paths', async () => {
    const { bridge, calls } = bridgeWith(() => Response.json({ id: 'x' }, { status: 201 }));
    await bridge.createAction({ type: 'call', subject: 'Llamar', contactId: 'C/1' });
    await bridge.contactActions('C/1', 5);
    expect(calls.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'POST', url: 'https://erp.example.com/api/actions', body: { type: 'call', subject: 'Llamar', contactId: 'C/1' } },
      { method: 'GET', url: 'https://erp.example.com/api/contacts/C%2F1/actions?limit=5', body: undefined },
    ]);
  });

  it('reads a log status as logged only when the bridge names the action', async () => {
    const { bridge } = bridgeWith((call) =>
      Response.json(call.url.includes('logged') ? { logged: true, actionId: 'ACT-9', loggedAt: '2026-03-02T10:00:00Z' } : { logged: false }),
    );
    expect(await bridge.emailLogStatus('<logged@x>')).toEqual({ logged: true, actionId: 'ACT-9', loggedAt: '2026-03-02T10:00:00Z' });
    expect(await bridge.meetingLogStatus({ iCalUId: 'new' })).toEqual({ logged: false });
  });

  it('asks for a meeting by its event id and former key, and passes on whether Outlook marks it private', async () => {
    const { bridge, calls } = bridgeWith(() => Response.json({ logged: false, markedPrivate: true }));
    expect(await bridge.meetingLogStatus({ eventId: 'AAMk-1_x=', formerKey: 'outlook:a@b.c/2026-03-02T10:00:00.000Z' })).toEqual({ logged: false, markedPrivate: true });
    expect(calls[0]?.url).toBe('https://erp.example.com/api/log/meeting?eventId=AAMk-1_x%3D&formerKey=outlook%3Aa%40b.c%2F2026-03-02T10%3A00%3A00.000Z');
  });

  it('reads a log status without an action as logged privately by someone else', async () => {
    const { bridge } = bridgeWith(() => Response.json({ logged: true }));
    expect(await bridge.emailLogStatus('<private@x>')).toEqual({ logged: true, hidden: true });
  });

  it('turns the bridge’s { code, message } into one typed error', async () => {
    const { bridge } = bridgeWith(() => Response.json({ code: 'conflict', message: 'this item is being logged right now' }, { status: 409 }));
    const error = await bridge.logEmail({ internetMessageId: '<a@b>', subject: '', from: { email: 'a@b.c' }, to: [], cc: [], sentAt: '2026-03-02T10:00:00Z', bodyText: '' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BridgeError);
    expect(error).toMatchObject({ code: 'conflict', status: 409, message: 'this item is being logged right now' });
  });

  it('keeps the scopes and the authority a consent_required answer names', async () => {
    const scopes = ['https://graph.microsoft.com/Contacts.ReadWrite', 'offline_access'];
    const { bridge } = bridgeWith(() => Response.json({ code: 'consent_required', message: 'consent is missing', scopes: [...scopes, 7], authority: 'https://login.example.test/t' }, { status: 403 }));
    await expect(bridge.getContact('C-1')).rejects.toMatchObject({ name: 'BridgeError', code: 'consent_required', status: 403, scopes, authority: 'https://login.example.test/t' });
  });

  it.each([
    [502, 'unavailable'],
    [404, 'not_found'],
    [429, 'throttled'],
    [500, 'internal'],
  ] as const)('derives the code from the status when a %i is not ours', async (status, code) => {
    const { bridge } = bridgeWith(() => new Response('<html>Bad gateway</html>', { status, headers: { 'content-type': 'text/html' } }));
    await expect(bridge.getContact('C-1')).rejects.toMatchObject({ name: 'BridgeError', code, status });
  });

  it('waits the Retry-After of a 429 and tries again', async () => {
    const waits: number[] = [];
    let answered = 0;
    const { bridge, calls } = bridgeWith(
      () => (answered++ === 0 ? Response.json({ code: 'throttled', message: 'too many requests from you; try again in 2 s' }, { status: 429, headers: { 'retry-after': '2' } }) : Response.json({ id: 'C-1' })),
      undefined,
      waits,
    );
    expect(await bridge.getContact('C-1')).toEqual({ id: 'C-1' });
    expect(waits).toEqual([2_000]);
    expect(calls).toHaveLength(2);
  });

  it('gives up at once with throttled when the Retry-After is too long to wait in the pane', async () => {
    const waits: number[] = [];
    const { bridge, calls } = bridgeWith(
      () => Response.json({ code: 'throttled', message: 'connecting sync too often; try again in 1800 s' }, { status: 429, headers: { 'retry-after': '1800' } }),
      undefined,
      waits,
    );
    await expect(bridge.getContact('C-1')).rejects.toMatchObject({ code: 'throttled', status: 429, message: 'connecting sync too often; try again in 1800 s' });
    expect(waits).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('stops retrying a 429 after two waits', async () => {
    const waits: number[] = [];
    const { bridge, calls } = bridgeWith(() => Response.json({ code: 'throttled', message: 'slow down' }, { status: 429, headers: { 'retry-after': '0.5' } }), undefined, waits);
    await expect(bridge.getContact('C-1')).rejects.toMatchObject({ code: 'throttled' });
    expect(waits).toEqual([500, 500]);
    expect(calls).toHaveLength(3);
  });

  it('does not trust an error body with a code it does not know', async () => {
    const { bridge } = bridgeWith(() => Response.json({ code: 'teapot', message: 'short and stout' }, { status: 418 }));
    await expect(bridge.getAccount('A-1')).rejects.toMatchObject({ code: 'internal', status: 418 });
  });

  it('reports a network failure as unavailable, never as an empty answer', async () => {
    const { bridge } = bridgeWith(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(bridge.searchContacts('Luc')).rejects.toMatchObject({ name: 'BridgeError', code: 'unavailable', status: 0 });
  });

  it('retries once with a fresh token when the bridge refuses the cached one', async () => {
    const { bridge, calls, forced } = bridgeWith((call) =>
      call.authorization === 'Bearer cached-token' ? Response.json({ code: 'invalid_token', message: 'expired' }, { status: 401 }) : Response.json({ enabled: true }),
    );
    expect(await bridge.getSettings()).toEqual({ enabled: true });
    expect(calls.map((call) => call.authorization)).toEqual(['Bearer cached-token', 'Bearer fresh-token']);
    expect(forced).toEqual([false, true]);
  });

  it('gives up after the second 401 with the bridge’s code', async () => {
    const { bridge, calls } = bridgeWith(() => Response.json({ code: 'auth_required', message: 'no valid token' }, { status: 401 }));
    await expect(bridge.me()).rejects.toMatchObject({ code: 'auth_required' });
    expect(calls).toHaveLength(2);
  });

  it('lets a sign-in failure through untouched, without calling the bridge', async () => {
    const tokens: TokenSource = { getToken: () => Promise.reject(new SignInError('consent_required', 'consent missing')) };
    const { bridge, calls } = bridgeWith(() => Response.json({}), tokens);
    await expect(bridge.adminUsers()).rejects.toBeInstanceOf(SignInError);
    expect(calls).toEqual([]);
  });

  it('refuses an answer that is not JSON', async () => {
    const { bridge } = bridgeWith(() => new Response('<html>login page</html>', { status: 200 }));
    await expect(bridge.me()).rejects.toMatchObject({ code: 'internal', status: 200 });
  });
});
