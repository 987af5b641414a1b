import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { demoFixedRecords } from '../../../server/erp/demo/demo-fixed-records';
import { createTestBridge, demoUsers, type TestBridge } from '../support/create-test-bridge';

let bridge: TestBridge;
beforeAll(async () => {
  bridge = await createTestBridge();
});
afterAll(() => bridge.close());

const { contacts, accounts, actions } = demoFixedRecords;
const json = async <T = Record<string, unknown>>(response: Response) => (await response.json()) as T;

describe('health and the API description', () => {
  it('answers liveness and readiness', async () => {
    expect((await bridge.request('/healthz')).status).toBe(200);
    expect(await json(await bridge.request('/readyz'))).toEqual({ status: 'ready' });
  });

  it('lists every route of API v1 in /openapi.json', async () => {
    const document = await json<{ paths: Record<string, Record<string, unknown>> }>(await bridge.request('/openapi.json'));
    const routes = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(
      [
        'GET /api/me', 'GET /api/me/settings', 'PUT /api/me/settings', 'GET /api/me/audit', 'GET /api/me/runs',
        'GET /api/contacts', 'POST /api/contacts', 'GET /api/contacts/{id}', 'PATCH /api/contacts/{id}', 'GET /api/contacts/{id}/actions',
        'GET /api/accounts', 'GET /api/accounts/{id}', 'GET /api/accounts/{id}/actions',
        'POST /api/actions', 'GET /api/actions/{id}', 'PATCH /api/actions/{id}',
        'POST /api/log/email', 'GET /api/log/email', 'POST /api/log/meeting', 'GET /api/log/meeting',
        'GET /api/admin/users', 'PUT /api/admin/users/{tenantId}/{objectId}/erp-user',
        'GET /api/admin/environment', 'PUT /api/admin/activation', 'GET /api/admin/sync-status', 'GET /api/admin/doctor', 'GET /api/admin/sync-policy', 'PUT /api/admin/sync-policy',
        'GET /api/me/contact-folders', 'POST /api/me/contact-folders', 'POST /api/me/sync/connect', 'POST /api/me/sync/preview',
        'POST /api/me/sync/runs', 'GET /api/me/sync/runs/{id}', 'GET /api/me/conflicts', 'POST /api/me/conflicts/{id}/resolve',
        'GET /api/me/suppressed', 'POST /api/me/suppressed/{erpId}/restore',
        'POST /api/notifications/graph', 'POST /api/erp/changes',
      ].sort(),
    );
  });

  it('serves a browsable API page without any CDN', async () => {
    const page = await (await bridge.request('/docs')).text();
    expect(page).toContain('/docs/swagger-ui-bundle.js');
    expect((await bridge.request('/docs/swagger-ui-bundle.js')).headers.get('content-type')).toContain('javascript');
  });

  it('answers an unknown route with the one error shape', async () => {
    expect(await json(await bridge.request('/nope'))).toEqual({ code: 'not_found', message: 'no route for GET /nope' });
  });
});

describe('tokens at the API', () => {
  const inigoClaims = () => decodeJwt(bridge.tokens.inigo);
  const cases: [string, () => Promise<string | undefined>, number][] = [
    ['no token', async () => undefined, 401],
    ['expired', () => bridge.identity.signAccessToken({ ...inigoClaims(), exp: 1_000_000_000, nbf: 999_000_000, iat: 999_000_000 }), 401],
    ['not yet valid', () => bridge.identity.signAccessToken({ ...inigoClaims(), nbf: Math.floor(Date.now() / 1000) + 3_600 }), 401],
    ['wrong audience', () => bridge.identity.signAccessToken({ ...inigoClaims(), aud: '00000000-0000-0000-0000-000000000001' }), 401],
    ['tampered payload', async () => { const [h, , s] = bridge.tokens.inigo.split('.'); return `${h}.${Buffer.from(JSON.stringify({ ...inigoClaims(), oid: demoIds.luciaObjectId })).toString('base64url')}.${s}`; }, 401],
    ['alg none', async () => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(inigoClaims())).toString('base64url')}.`, 401],
    ['app-only roles token', () => bridge.identity.signAccessToken({ ...inigoClaims(), scp: undefined, roles: ['Bridge.Admin'], idtyp: 'app' }), 403],
    ['tenant not allowed', () => bridge.identity.signAccessToken({ ...inigoClaims(), tid: '99999999-9999-4999-8999-999999999999' }), 403],
    ['no kid in its header (the tenant publishes two keys)', () => bridge.identity.signAccessToken(inigoClaims(), { kid: null }), 401],
    ['an unknown azp (another app obtained it for the bridge)', () => bridge.identity.signAccessToken({ ...inigoClaims(), azp: '0ddba11a-0000-4000-8000-000000000001' }), 403],
  ];
  for (const [name, token, status] of cases) {
    it(`refuses a request with ${name} with ${status} and { code, message }`, async () => {
      const response = await bridge.request('/api/me', { token: await token() });
      expect(response.status).toBe(status);
      const body = await json(response);
      expect(Object.keys(body).sort()).toEqual(['code', 'message']);
    });
  }
});

describe('tokens the API accepts', () => {
  const inigoClaims = () => decodeJwt(bridge.tokens.inigo);
  const guestOid = '6f5e4d3c-8888-4b2a-9c8d-7e6f5a4b3c2d';
  /** A B2B guest of Contoso whose home directory says their email is Lucía's, the admin's. */
  const guestWithAdminEmail = () =>
    bridge.identity.signAccessToken({ ...inigoClaims(), oid: guestOid, name: 'Not Lucía', preferred_username: demoUsers.lucia.email, idp: 'https://sts.windows.net/9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b/', acct: 1 });

  it('accepts a token whose nbf is 4 minutes ahead: the clock skew tolerance is 5 minutes', async () => {
    const early = await bridge.identity.signAccessToken({ ...inigoClaims(), nbf: Math.floor(Date.now() / 1000) + 240 });
    expect((await bridge.request('/api/me', { token: early })).status).toBe(200);
  });

  it('answers an unknown azp with a message naming the client apps it accepts', async () => {
    const otherApp = await bridge.identity.signAccessToken({ ...inigoClaims(), azp: '0ddba11a-0000-4000-8000-000000000001' });
    const body = await json<{ message: string }>(await bridge.request('/api/me', { token: otherApp }));
    expect(body.message).toContain('0ddba11a-0000-4000-8000-000000000001');
    expect(body.message).toContain(demoIds.bridgeClientId);
    expect(body.message).toContain('ea5a67f6-b6f3-4338-b240-c655ddc3cc8e');
  });

  it('never makes an admin or an ERP user of a guest with an admin’s email, until an admin maps the guest', async () => {
    const guest = await guestWithAdminEmail();
    const me = await json<{ isAdmin: boolean; erpUser: unknown }>(await bridge.request('/api/me', { token: guest }));
    expect(me).toMatchObject({ isAdmin: false, erpUser: null });
    expect((await bridge.request('/api/admin/users', { token: guest })).status).toBe(403);
    expect((await bridge.request(`/api/actions/${actions.anaPrivateCall.id}`, { token: guest })).status).toBe(404);

    const mapping = `/api/admin/users/${demoIds.contosoTenantId}/${guestOid}/erp-user`;
    expect((await bridge.request(mapping, { method: 'PUT', token: bridge.tokens.lucia, body: { erpUserId: demoFixedRecords.users.carmenRuiz.id } })).status).toBe(200);
    const mapped = await json<{ isAdmin: boolean; erpUser: { id: string } | null }>(await bridge.request('/api/me', { token: guest }));
    expect(mapped).toMatchObject({ isAdmin: false, erpUser: { id: demoFixedRecords.users.carmenRuiz.id } });
  });
});

describe('the current user', () => {
  it('maps the signed-in user to the ERP user with the same email', async () => {
    const me = await json<{ user: { email: string }; erpUser: { email: string } | null; isAdmin: boolean; environment: { name: string }; settings: { enabled: boolean } }>(
      await bridge.request('/api/me', { token: bridge.tokens.inigo }),
    );
    expect(me.user.email).toBe(demoUsers.inigo.email);
    expect(me.erpUser?.email).toBe(demoUsers.inigo.email);
    expect(me.isAdmin).toBe(false);
    expect(me.environment.name).toBe('contoso');
    expect(me.settings.enabled).toBe(false);
  });

  it('keeps each user’s settings to themselves', async () => {
    const saved = await bridge.request('/api/me/settings', { method: 'PUT', token: bridge.tokens.lucia, body: { enabled: true, contactFolderName: 'ERP' } });
    expect(saved.status).toBe(200);
    expect(await json(await bridge.request('/api/me/settings', { token: bridge.tokens.lucia }))).toMatchObject({ enabled: true, contactFolderName: 'ERP' });
    expect(await json(await bridge.request('/api/me/settings', { token: bridge.tokens.inigo }))).toMatchObject({ enabled: false });
    expect(await json(await bridge.request('/api/me/settings', { token: bridge.tokens.amelie }))).toMatchObject({ enabled: false });
  });
});

describe('runs', () => {
  it('shows each user only their own sync runs', async () => {
    await bridge.request('/api/me', { token: bridge.tokens.lucia });
    await bridge.store.runs.create({
      id: 'run-lucia-1', user: { tenantId: demoIds.contosoTenantId, objectId: demoIds.luciaObjectId }, kind: 'contacts',
      status: 'succeeded', stage: 'done', done: 10, total: 10, startedAt: '2026-11-02T08:00:00.000Z', finishedAt: '2026-11-02T08:01:00.000Z',
    });
    const mine = await json<{ items: { id: string }[] }>(await bridge.request('/api/me/runs', { token: bridge.tokens.lucia }));
    expect(mine.items.map((run) => run.id)).toEqual(['run-lucia-1']);
    expect(await json(await bridge.request('/api/me/runs', { token: bridge.tokens.inigo }))).toEqual({ items: [] });
    expect(await json(await bridge.request('/api/me/runs', { token: bridge.tokens.amelie }))).toEqual({ items: [] });
  });
});

describe('contacts', () => {
  it('finds a contact by a secondary email in another case', async () => {
    const page = await json<{ items: { id: string }[] }>(await bridge.request(`/api/contacts?email=${encodeURIComponent('ana.garcia.personal@gmail.COM')}`, { token: bridge.tokens.inigo }));
    expect(page.items.map((c) => c.id)).toEqual([contacts.anaGarcia.id]);
  });

  it('finds both contacts that share an email', async () => {
    const page = await json<{ items: { id: string }[] }>(await bridge.request('/api/contacts?email=info@nunez-logistica.es', { token: bridge.tokens.inigo }));
    expect(page.items.map((c) => c.id).sort()).toEqual([contacts.joseNunez.id, contacts.mariaJoseIbanez.id].sort());
  });

  it('pages through a name prefix search without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '2', ...(cursor ? { cursor } : {}) });
      const page = await json<{ items: { id: string }[]; nextCursor?: string }>(await bridge.request(`/api/contacts?${query}`, { token: bridge.tokens.inigo }));
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 1_000);
    // Other tests of this file may have added contacts: the pages must hold every contact the ERP holds now.
    const all = await bridge.erps.contoso.searchContacts({ limit: 1_000 });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.toSorted()).toEqual(all.items.map((c) => c.id).toSorted());
    expect(seen.length).toBeGreaterThanOrEqual(120);
  });

  it('refuses a bad email with invalid_input', async () => {
    const response = await bridge.request('/api/contacts?email=not-an-email', { token: bridge.tokens.inigo });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ code: 'invalid_input' });
  });

  it('creates a contact, updates it, and refuses a stale version with 409', async () => {
    const created = await bridge.request('/api/contacts', { method: 'POST', token: bridge.tokens.inigo, body: { givenName: 'Begoña', surname: 'Ortiz', emails: ['begona@ortiz.example'] } });
    expect(created.status).toBe(201);
    const contact = await json<{ id: string; version: number }>(created);
    const updated = await bridge.request(`/api/contacts/${contact.id}`, { method: 'PATCH', token: bridge.tokens.inigo, body: { jobTitle: 'Gerente', version: contact.version } });
    expect(updated.status).toBe(200);
    const stale = await bridge.request(`/api/contacts/${contact.id}`, { method: 'PATCH', token: bridge.tokens.lucia, body: { jobTitle: 'Directora', version: contact.version } });
    expect(stale.status).toBe(409);
    expect(await json(stale)).toMatchObject({ code: 'conflict' });
    // Other tests of this file write too: the audit is read for this contact.
    const auditOf = async (token: string) => (await json<{ items: { action: string; targetId: string }[] }>(await bridge.request('/api/me/audit', { token }))).items.filter((e) => e.targetId === contact.id);
    expect((await auditOf(bridge.tokens.inigo)).map((e) => e.action)).toEqual(['contact.update', 'contact.create']);
    expect(await auditOf(bridge.tokens.amelie)).toEqual([]);
  });

  it('keeps markup in ERP strings as text', async () => {
    const contact = await json<{ displayName: string }>(await bridge.request(`/api/contacts/${contacts.markup.id}`, { token: bridge.tokens.inigo }));
    expect(contact.displayName).toBe('<img src=x onerror=alert(1)>');
  });

  it('never shows one tenant’s ERP data to another tenant', async () => {
    const email = 'only.in.contoso@contoso-client.example';
    await bridge.request('/api/contacts', { method: 'POST', token: bridge.tokens.lucia, body: { givenName: 'Solo', emails: [email] } });
    const fromFabrikam = await json<{ items: unknown[] }>(await bridge.request(`/api/contacts?email=${email}`, { token: bridge.tokens.amelie }));
    expect(fromFabrikam.items).toEqual([]);
    const fromContoso = await json<{ items: unknown[] }>(await bridge.request(`/api/contacts?email=${email}`, { token: bridge.tokens.inigo }));
    expect(fromContoso.items).toHaveLength(1);
  });
});

describe('accounts and actions', () => {
  it('finds an account by a prefix without its accents', async () => {
    const page = await json<{ items: { id: string }[] }>(await bridge.request('/api/accounts?q=nunez', { token: bridge.tokens.inigo }));
    expect(page.items.map((a) => a.id)).toContain(accounts.nunezLogistica.id);
  });

  it('hides another owner’s private action', async () => {
    const asInigo = await json<{ items: { id: string }[] }>(await bridge.request(`/api/contacts/${contacts.anaGarcia.id}/actions?limit=100`, { token: bridge.tokens.inigo }));
    expect(asInigo.items.map((a) => a.id)).not.toContain(actions.anaPrivateCall.id);
    expect((await bridge.request(`/api/actions/${actions.anaPrivateCall.id}`, { token: bridge.tokens.inigo })).status).toBe(404);
  });

  it('creates an action owned by the signed-in salesperson and refuses an end before the start', async () => {
    const created = await bridge.request('/api/actions', {
      method: 'POST', token: bridge.tokens.inigo,
      body: { type: 'visit', subject: 'Visita a Ana', start: '2026-11-05T09:00:00+01:00', end: '2026-11-05T10:00:00+01:00', timeZone: 'Europe/Madrid', contactId: contacts.anaGarcia.id },
    });
    expect(created.status).toBe(201);
    const action = await json<{ id: string; version: number; ownerId: string }>(created);
    const me = await json<{ erpUser: { id: string } }>(await bridge.request('/api/me', { token: bridge.tokens.inigo }));
    expect(action.ownerId).toBe(me.erpUser.id);
    const backwards = await bridge.request(`/api/actions/${action.id}`, { method: 'PATCH', token: bridge.tokens.inigo, body: { end: '2026-11-05T08:00:00+01:00', version: action.version } });
    expect(backwards.status).toBe(400);
    const done = await bridge.request(`/api/actions/${action.id}`, { method: 'PATCH', token: bridge.tokens.inigo, body: { status: 'done', version: action.version } });
    expect(await json(done)).toMatchObject({ status: 'done' });
  });
});

describe('logging emails and meetings', () => {
  const email = {
    internetMessageId: '<CAF=abc123@mail.example.es>', subject: 'Pedido 2026-114', from: { email: 'Ana.Garcia@example.es', name: 'Ana García' },
    to: [{ email: demoUsers.inigo.email }], sentAt: '2026-11-02T08:15:00Z', bodyText: 'Hola Íñigo, os confirmo el pedido.',
  };

  it('logs an email once, whoever logs it again', async () => {
    const first = await bridge.request('/api/log/email', { method: 'POST', token: bridge.tokens.inigo, body: email });
    expect(first.status).toBe(201);
    const logged = await json<{ action: { id: string; contactId: string; type: string }; alreadyLogged: boolean }>(first);
    expect(logged.action).toMatchObject({ type: 'email', contactId: contacts.anaGarcia.id });
    const again = await bridge.request('/api/log/email', { method: 'POST', token: bridge.tokens.lucia, body: email });
    expect(again.status).toBe(200);
    expect(await json(again)).toMatchObject({ alreadyLogged: true, action: { id: logged.action.id } });
    const status = await json(await bridge.request(`/api/log/email?internetMessageId=${encodeURIComponent(email.internetMessageId)}`, { token: bridge.tokens.lucia }));
    expect(status).toMatchObject({ logged: true, actionId: logged.action.id });
  });

  it('logs an email as a private action of its logger when asked, hidden from colleagues', async () => {
    const secret = { ...email, internetMessageId: '<private-log@mail.example.es>', subject: 'Condiciones especiales 2027', private: true };
    const logged = await json<{ action: { id: string; private: boolean } }>(await bridge.request('/api/log/email', { method: 'POST', token: bridge.tokens.inigo, body: secret }));
    const seenByLucia = await json(await bridge.request(`/api/log/email?internetMessageId=${encodeURIComponent(secret.internetMessageId)}`, { token: bridge.tokens.lucia }));

    expect(logged.action.private).toBe(true);
    expect(seenByLucia).toEqual({ logged: true });
  });

  it('makes one action when two people log the same email at once', async () => {
    const same = { ...email, internetMessageId: '<race@mail.example.es>' };
    const answers = await Promise.all([bridge.tokens.inigo, bridge.tokens.lucia, bridge.tokens.inigo].map((token) => bridge.request('/api/log/email', { method: 'POST', token, body: same })));
    const ids = new Set<string>();
    for (const answer of answers) {
      expect([200, 201, 409]).toContain(answer.status);
      if (answer.status !== 409) ids.add((await json<{ action: { id: string } }>(answer)).action.id);
    }
    expect(ids.size).toBe(1);
  });

  it('does not tell another environment that an email was logged', async () => {
    const status = await json(await bridge.request(`/api/log/email?internetMessageId=${encodeURIComponent(email.internetMessageId)}`, { token: bridge.tokens.amelie }));
    expect(status).toEqual({ logged: false });
  });

  it('asks for a contact when nobody in the email is in the ERP', async () => {
    const response = await bridge.request('/api/log/email', { method: 'POST', token: bridge.tokens.inigo, body: { ...email, internetMessageId: '<x@y>', from: { email: 'stranger@nowhere.example' } } });
    expect(response.status).toBe(400);
    expect((await json<{ message: string }>(response)).message).toContain('choose or create a contact');
  });

  it('logs a meeting linked to the first attendee who is a contact, once', async () => {
    const meeting = {
      iCalUId: '040000008200E00074C5B7101A82E008000000001', subject: 'Revue trimestrielle', start: '2026-11-03T14:00:00Z', end: '2026-11-03T15:00:00Z',
      timeZone: 'Europe/Paris', attendees: [{ email: demoUsers.inigo.email }, { email: 'francoise.lefevre@lefevre-fils.fr' }],
    };
    const first = await bridge.request('/api/log/meeting', { method: 'POST', token: bridge.tokens.inigo, body: meeting });
    expect(first.status).toBe(201);
    expect(await json(first)).toMatchObject({ action: { type: 'meeting', contactId: contacts.francoiseLefevre.id, timeZone: 'Europe/Paris' } });
    expect((await bridge.request('/api/log/meeting', { method: 'POST', token: bridge.tokens.inigo, body: meeting })).status).toBe(200);
  });
});

describe('admin', () => {
  it('is refused to users who are not admins', async () => {
    const response = await bridge.request('/api/admin/users', { token: bridge.tokens.inigo });
    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({ code: 'forbidden' });
  });

  it('lists only the admin’s own environment and maps a user to an ERP user by hand', async () => {
    await bridge.request('/api/me', { token: bridge.tokens.inigo });
    await bridge.request('/api/me', { token: bridge.tokens.amelie });
    const users = await json<{ items: { email: string }[] }>(await bridge.request('/api/admin/users', { token: bridge.tokens.lucia }));
    expect(users.items.map((u) => u.email)).toContain(demoUsers.inigo.email);
    expect(users.items.map((u) => u.email)).not.toContain(demoUsers.amelie.email);

    const path = `/api/admin/users/${demoIds.contosoTenantId}/${demoIds.inigoObjectId}/erp-user`;
    const mapped = await bridge.request(path, { method: 'PUT', token: bridge.tokens.lucia, body: { erpUserId: demoFixedRecords.users.carmenRuiz.id } });
    expect(mapped.status).toBe(200);
    const me = await json<{ erpUser: { id: string } }>(await bridge.request('/api/me', { token: bridge.tokens.inigo }));
    expect(me.erpUser.id).toBe(demoFixedRecords.users.carmenRuiz.id);
    await bridge.request(path, { method: 'PUT', token: bridge.tokens.lucia, body: { erpUserId: null } });

    const otherTenant = `/api/admin/users/${demoIds.fabrikamTenantId}/${demoIds.amelieObjectId}/erp-user`;
    expect((await bridge.request(otherTenant, { method: 'PUT', token: bridge.tokens.lucia, body: { erpUserId: '1' } })).status).toBe(404);
  });
});
