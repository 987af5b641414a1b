import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { demoFixedRecords } from '../../../server/erp/demo/demo-fixed-records';
import { buildSyncPolicy } from '../../builders/build-sync-policy';
import { createTestBridge, testNow, type TestBridge } from '../support/create-test-bridge';

/**
 * Every route of /openapi.json that reads or writes someone's data, called as the owner of that
 * data (Íñigo, Contoso), a colleague of the same environment (Carmen), an admin of the same
 * environment (Lucía, who still may not see private actions), a user of another environment
 * (Amélie, admin of Fabrikam), and, on admin routes, a user who is not an admin. A route without a
 * row fails the test.
 */

type Caller = 'owner' | 'colleague' | 'colleagueAdmin' | 'stranger' | 'admin' | 'nonAdmin';
interface Call {
  method: string;
  path: string;
  body?: object;
}
interface Row {
  /** `data`: the owner's data, seen by owner only (environment data by the environment). `admin`: the environment's admins only. */
  kind: 'data' | 'admin';
  call: (caller: Caller) => Call | Promise<Call>;
  /** What the owner's (or admin's) answer must show, so the probe reaches real data. */
  ownerSees?: () => string;
  /** What others must get, when the status itself is the rule. */
  othersGet?: Partial<Record<Caller, number>>;
}

const unique = () => randomBytes(4).toString('hex').toUpperCase();
const marks = {
  privateSubject: `PRIVATE-SUBJECT-${unique()}`,
  privateEmail: `PRIVATE-EMAIL-${unique()}`,
  privateMeeting: `PRIVATE-MEETING-${unique()}`,
  folderName: `FOLDER-${unique()}`,
  mailFolder: `MAILFOLDER-${unique()}`,
  runId: `run-${unique()}`,
  conflictId: `conflict-${unique()}`,
  conflictValue: `CONFLICT-VALUE-${unique()}`,
  outlookId: `OUTLOOK-${unique()}`,
  contactName: `Contoso${unique()}`,
};
const internetMessageId = `<${unique()}@mail.example.es>`;
const iCalUId = `040000008200E00074C5B7101A82E0080000000${unique()}`;
const carmen = { objectId: '0a1b2c3d-5555-4e5f-8a9b-0c1d2e3f4a5b', email: 'carmen.ruiz@contosoiberica.onmicrosoft.com' };

let bridge: TestBridge;
const tokens = {} as Record<Caller, string>;
const ids = { privateAction: '', sharedAction: '', emailAction: '', meetingAction: '', contact: '', inigoErpUser: '', carmenErpUser: demoFixedRecords.users.carmenRuiz.id };
const inigoKey = { tenantId: demoIds.contosoTenantId, objectId: demoIds.inigoObjectId };

const json = async <T>(response: Response) => (await response.json()) as T;
async function as(caller: Caller, call: Call): Promise<Response> {
  return bridge.request(call.path, { method: call.method, token: tokens[caller], ...(call.body ? { body: call.body } : {}) });
}
async function ok<T>(caller: Caller, call: Call, status = 200): Promise<T> {
  const response = await as(caller, call);
  if (response.status !== status) throw new Error(`${call.method} ${call.path} as ${caller}: ${response.status} ${await response.text()}`);
  return json<T>(response);
}

beforeAll(async () => {
  bridge = await createTestBridge({ contacts: 20 });
  bridge.identity.directory.users.push({
    tenantId: demoIds.contosoTenantId, objectId: carmen.objectId, userPrincipalName: carmen.email, displayName: 'Carmen Ruiz', password: demoIds.password, appRoleAssignments: [],
  });
  Object.assign(tokens, {
    owner: bridge.tokens.inigo, nonAdmin: bridge.tokens.inigo, colleague: await bridge.signIn(carmen.email), colleagueAdmin: bridge.tokens.lucia, admin: bridge.tokens.lucia, stranger: bridge.tokens.amelie,
  });
  // Carmen's sign-in name is not her ERP email: an admin maps her to her ERP user.
  await ok('colleague', { method: 'GET', path: '/api/me' });
  await ok('admin', { method: 'PUT', path: `/api/admin/users/${demoIds.contosoTenantId}/${carmen.objectId}/erp-user`, body: { erpUserId: ids.carmenErpUser } });
  await ok('admin', { method: 'PUT', path: '/api/admin/activation', body: { syncActivated: true, applicationId: demoIds.bridgeClientId } });

  const me = await ok<{ erpUser: { id: string } }>('owner', { method: 'GET', path: '/api/me' });
  ids.inigoErpUser = me.erpUser.id;
  const contact = await ok<{ id: string }>('owner', { method: 'POST', path: '/api/contacts', body: { givenName: marks.contactName, emails: [`${marks.contactName.toLowerCase()}@client.example`] } }, 201);
  ids.contact = contact.id;
  const action = (subject: string, isPrivate: boolean) => ({ method: 'POST', path: '/api/actions', body: { type: 'call', subject, notes: subject, contactId: ids.contact, private: isPrivate } });
  ids.privateAction = (await ok<{ id: string }>('owner', action(marks.privateSubject, true), 201)).id;
  ids.sharedAction = (await ok<{ id: string }>('owner', action('Shared call', false), 201)).id;

  // Logged by Íñigo, then made private by him: nobody else may see them through the log routes.
  const email = { internetMessageId, subject: marks.privateEmail, from: { email: `${marks.contactName.toLowerCase()}@client.example` }, sentAt: '2026-11-02T08:15:00Z', bodyText: marks.privateEmail };
  ids.emailAction = (await ok<{ action: { id: string } }>('owner', { method: 'POST', path: '/api/log/email', body: email }, 201)).action.id;
  const meeting = { iCalUId, subject: marks.privateMeeting, start: '2026-11-03T14:00:00Z', end: '2026-11-03T15:00:00Z', attendees: [{ email: `${marks.contactName.toLowerCase()}@client.example` }], bodyText: marks.privateMeeting };
  ids.meetingAction = (await ok<{ action: { id: string } }>('owner', { method: 'POST', path: '/api/log/meeting', body: meeting }, 201)).action.id;
  for (const id of [ids.emailAction, ids.meetingAction]) {
    const { version } = await ok<{ version: number }>('owner', { method: 'GET', path: `/api/actions/${id}` });
    await ok('owner', { method: 'PATCH', path: `/api/actions/${id}`, body: { private: true, version } });
  }

  await ok('owner', { method: 'PUT', path: '/api/me/settings', body: { enabled: false, contactFolderName: marks.folderName } });
  await ok('owner', { method: 'POST', path: '/api/me/sync/connect' });
  await ok('owner', { method: 'POST', path: '/api/me/contact-folders', body: { displayName: marks.mailFolder } }, 201);
  const at = testNow.toISOString();
  await bridge.store.runs.create({ id: marks.runId, user: inigoKey, kind: 'contacts', status: 'succeeded', stage: 'done', done: 1, total: 1, startedAt: at, finishedAt: at });
  await bridge.store.conflicts.add({ id: marks.conflictId, user: inigoKey, entity: 'contact', erpId: ids.contact, field: 'jobTitle', erpValue: marks.conflictValue, outlookValue: 'x', status: 'open', createdAt: at });
  await bridge.store.links.upsert({ user: inigoKey, entity: 'contact', erpId: ids.contact, outlookId: marks.outlookId, state: 'suppressed', snapshot: {}, missedListings: 0, updatedAt: at });
}, 120_000);
afterAll(() => bridge.close());

/** What no one but the owner may ever see (private actions), by marker and, within the environment, by id. */
const privateSecrets = () => [marks.privateSubject, marks.privateEmail, marks.privateMeeting];
const privateIds = () => [ids.privateAction, ids.emailAction, ids.meetingAction];
/** The owner's own state in the bridge. */
const userSecrets = () => [marks.folderName, marks.mailFolder, marks.runId, marks.conflictId, marks.conflictValue, marks.outlookId, demoIds.inigoObjectId];
/** What only Contoso's users may see. */
const environmentSecrets = () => [marks.contactName, marks.contactName.toLowerCase(), demoIds.contosoTenantId, demoIds.bridgeClientId, demoIds.inigoObjectId];

const wideSyncPolicy = buildSyncPolicy();

const path = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? '');
const rows: Record<string, Row> = {
  'GET /api/me': { kind: 'data', call: () => ({ method: 'GET', path: '/api/me' }), ownerSees: () => demoIds.inigoObjectId },
  'GET /api/me/settings': { kind: 'data', call: () => ({ method: 'GET', path: '/api/me/settings' }), ownerSees: () => marks.folderName },
  'PUT /api/me/settings': {
    kind: 'data',
    call: (caller) => ({ method: 'PUT', path: '/api/me/settings', body: { enabled: false, contactFolderName: caller === 'owner' ? marks.folderName : `ERP-${caller}` } }),
    ownerSees: () => marks.folderName,
  },
  'GET /api/me/audit': { kind: 'data', call: () => ({ method: 'GET', path: '/api/me/audit?limit=100' }), ownerSees: () => `"targetId":"${ids.privateAction}"` },
  'GET /api/me/runs': { kind: 'data', call: () => ({ method: 'GET', path: '/api/me/runs' }), ownerSees: () => marks.runId },
  'GET /api/contacts': { kind: 'data', call: () => ({ method: 'GET', path: `/api/contacts?q=${marks.contactName}` }), ownerSees: () => marks.contactName },
  'POST /api/contacts': { kind: 'data', call: (caller) => ({ method: 'POST', path: '/api/contacts', body: { givenName: `Probe ${caller}`, emails: [`probe.${caller.toLowerCase()}@probe.example`] } }) },
  'GET /api/contacts/{id}': { kind: 'data', call: () => ({ method: 'GET', path: `/api/contacts/${ids.contact}` }), ownerSees: () => marks.contactName },
  'PATCH /api/contacts/{id}': {
    kind: 'data',
    call: async (caller) => {
      const { version } = await ok<{ version: number }>('owner', { method: 'GET', path: `/api/contacts/${ids.contact}` });
      return { method: 'PATCH', path: `/api/contacts/${ids.contact}`, body: { jobTitle: `set by ${caller}`, version } };
    },
    ownerSees: () => 'set by owner',
  },
  'GET /api/contacts/{id}/actions': { kind: 'data', call: () => ({ method: 'GET', path: `/api/contacts/${ids.contact}/actions?limit=100` }), ownerSees: () => marks.privateSubject },
  'GET /api/accounts': { kind: 'data', call: () => ({ method: 'GET', path: '/api/accounts?q=nu' }) },
  'GET /api/accounts/{id}': { kind: 'data', call: () => ({ method: 'GET', path: `/api/accounts/${demoFixedRecords.accounts.nunezLogistica.id}` }) },
  'GET /api/accounts/{id}/actions': { kind: 'data', call: () => ({ method: 'GET', path: `/api/accounts/${demoFixedRecords.accounts.nunezLogistica.id}/actions?limit=100` }) },
  'POST /api/actions': {
    kind: 'data',
    // Anyone but the owner asks for a private action owned by Íñigo: never created.
    call: () => ({ method: 'POST', path: '/api/actions', body: { type: 'task', subject: 'Probe', private: true, ownerId: ids.inigoErpUser } }),
    othersGet: { colleague: 403, colleagueAdmin: 403, stranger: 403 },
  },
  'GET /api/actions/{id}': { kind: 'data', call: () => ({ method: 'GET', path: `/api/actions/${ids.privateAction}` }), ownerSees: () => marks.privateSubject, othersGet: { colleague: 404, colleagueAdmin: 404 } },
  'PATCH /api/actions/{id}': {
    kind: 'data',
    call: async (caller) => {
      const { version } = await ok<{ version: number }>('owner', { method: 'GET', path: `/api/actions/${ids.sharedAction}` });
      const takeOver = { colleague: { ownerId: ids.carmenErpUser, private: true }, colleagueAdmin: { private: true }, stranger: { ownerId: '1', private: true } };
      const body = caller === 'owner' ? { subject: 'Still mine' } : takeOver[caller === 'colleague' || caller === 'colleagueAdmin' || caller === 'stranger' ? caller : 'stranger'];
      return { method: 'PATCH', path: `/api/actions/${ids.sharedAction}`, body: { ...body, version } };
    },
    ownerSees: () => `"ownerId":"${ids.inigoErpUser}"`,
    othersGet: { colleague: 403, colleagueAdmin: 403 },
  },
  'POST /api/log/email': {
    kind: 'data',
    call: () => ({ method: 'POST', path: '/api/log/email', body: { internetMessageId, subject: 'Probe', from: { email: `${marks.contactName.toLowerCase()}@client.example` }, sentAt: '2026-11-02T08:15:00Z' } }),
    ownerSees: () => marks.privateEmail,
    othersGet: { colleague: 409, colleagueAdmin: 409 },
  },
  'GET /api/log/email': { kind: 'data', call: () => ({ method: 'GET', path: `/api/log/email?internetMessageId=${encodeURIComponent(internetMessageId)}` }), ownerSees: () => `"actionId":"${ids.emailAction}"` },
  'POST /api/log/meeting': {
    kind: 'data',
    call: () => ({ method: 'POST', path: '/api/log/meeting', body: { iCalUId, subject: 'Probe', start: '2026-11-03T14:00:00Z', end: '2026-11-03T15:00:00Z', attendees: [{ email: `${marks.contactName.toLowerCase()}@client.example` }] } }),
    ownerSees: () => marks.privateMeeting,
    othersGet: { colleague: 409, colleagueAdmin: 409 },
  },
  'GET /api/log/meeting': { kind: 'data', call: () => ({ method: 'GET', path: `/api/log/meeting?iCalUId=${iCalUId}` }), ownerSees: () => `"actionId":"${ids.meetingAction}"` },
  'GET /api/me/contact-folders': { kind: 'data', call: () => ({ method: 'GET', path: '/api/me/contact-folders' }), ownerSees: () => marks.mailFolder },
  'POST /api/me/contact-folders': { kind: 'data', call: (caller) => ({ method: 'POST', path: '/api/me/contact-folders', body: { displayName: `Probe ${caller} ${unique()}` } }) },
  'POST /api/me/sync/connect': { kind: 'data', call: () => ({ method: 'POST', path: '/api/me/sync/connect' }) },
  'POST /api/me/sync/preview': { kind: 'data', call: () => ({ method: 'POST', path: '/api/me/sync/preview' }) },
  'POST /api/me/sync/runs': { kind: 'data', call: () => ({ method: 'POST', path: '/api/me/sync/runs', body: { confirmRemovals: false } }) },
  'GET /api/me/sync/runs/{id}': { kind: 'data', call: () => ({ method: 'GET', path: `/api/me/sync/runs/${marks.runId}` }), ownerSees: () => marks.runId, othersGet: { colleague: 404, colleagueAdmin: 404, stranger: 404 } },
  'GET /api/me/conflicts': { kind: 'data', call: () => ({ method: 'GET', path: '/api/me/conflicts' }), ownerSees: () => marks.conflictValue },
  // The owner resolves and restores last: a 200 then proves nobody else did it first.
  'POST /api/me/conflicts/{id}/resolve': {
    kind: 'data', call: () => ({ method: 'POST', path: `/api/me/conflicts/${marks.conflictId}/resolve`, body: { resolution: 'erp' } }), othersGet: { colleague: 404, colleagueAdmin: 404, stranger: 404 },
  },
  'GET /api/me/suppressed': { kind: 'data', call: () => ({ method: 'GET', path: '/api/me/suppressed' }), ownerSees: () => marks.outlookId },
  'POST /api/me/suppressed/{erpId}/restore': {
    kind: 'data', call: () => ({ method: 'POST', path: `/api/me/suppressed/${ids.contact}/restore` }), othersGet: { colleague: 404, colleagueAdmin: 404, stranger: 404 },
  },
  'GET /api/admin/users': { kind: 'admin', call: () => ({ method: 'GET', path: '/api/admin/users' }), ownerSees: () => demoIds.inigoObjectId },
  'PUT /api/admin/users/{tenantId}/{objectId}/erp-user': {
    kind: 'admin',
    call: () => ({ method: 'PUT', path: path('/api/admin/users/{tenantId}/{objectId}/erp-user', inigoKey), body: { erpUserId: ids.inigoErpUser } }),
    ownerSees: () => demoIds.inigoObjectId,
    othersGet: { stranger: 404 },
  },
  'GET /api/admin/environment': { kind: 'admin', call: () => ({ method: 'GET', path: '/api/admin/environment' }), ownerSees: () => demoIds.contosoTenantId },
  'PUT /api/admin/activation': {
    kind: 'admin', call: () => ({ method: 'PUT', path: '/api/admin/activation', body: { syncActivated: true, applicationId: demoIds.bridgeClientId } }), ownerSees: () => demoIds.bridgeClientId, othersGet: { stranger: 400 },
  },
  'GET /api/admin/sync-status': { kind: 'admin', call: () => ({ method: 'GET', path: '/api/admin/sync-status' }), ownerSees: () => marks.folderName },
  'GET /api/admin/sync-policy': { kind: 'admin', call: () => ({ method: 'GET', path: '/api/admin/sync-policy' }), ownerSees: () => '"configured"' },
  'PUT /api/admin/sync-policy': {
    kind: 'admin',
    // Each admin sets their own environment's policy: Amélie's answer is Fabrikam's, and says she changed it.
    call: () => ({ method: 'PUT', path: '/api/admin/sync-policy', body: wideSyncPolicy }),
    ownerSees: () => '"changedBy":"lucia',
  },
  // Another environment's admin gets the checks of their own environment, never this one's.
  'GET /api/admin/doctor': {
    kind: 'admin', call: () => ({ method: 'GET', path: '/api/admin/doctor' }), ownerSees: () => '"environment":"contoso"', othersGet: { stranger: 200 },
  },
  // Called by Graph and the ERP, not by users: a user's token is no clientState or ERP secret, so nothing is stored or queued.
  'POST /api/notifications/graph': {
    kind: 'data', call: () => ({ method: 'POST', path: '/api/notifications/graph', body: { value: [{ subscriptionId: marks.runId, clientState: 'guess', changeType: 'updated', resource: 'Users/x/Contacts/y' }] } }),
    othersGet: { stranger: 202, colleague: 202, colleagueAdmin: 202, owner: 202 },
  },
  'POST /api/erp/changes': {
    kind: 'data', call: () => ({ method: 'POST', path: '/api/erp/changes', body: { environment: 'contoso', contacts: [ids.contact], actions: [ids.privateAction] } }),
    othersGet: { stranger: 401, colleague: 401, colleagueAdmin: 401, owner: 401 },
  },
};

/** Callers in the order they call: the owner last, so a write refused to the others is still the owner's to make. */
const callersOf = (row: Row): Caller[] => (row.kind === 'admin' ? ['nonAdmin', 'stranger', 'admin'] : ['stranger', 'colleague', 'colleagueAdmin', 'owner']);

/** What a caller's answer must not contain. */
function forbiddenIn(caller: Caller, row: Row): { texts: string[]; idPattern?: RegExp } {
  const hiddenIds = privateIds().filter(Boolean).join('|');
  const sameEnvironmentIds = new RegExp(`"(?:id|actionId|targetId)":"(?:${hiddenIds})"`);
  switch (caller) {
    case 'owner':
    case 'admin':
      return { texts: [] };
    case 'nonAdmin':
      return { texts: row.kind === 'admin' ? [...userSecrets()] : [] };
    case 'colleague':
    case 'colleagueAdmin':
      return { texts: [...privateSecrets(), ...userSecrets()], idPattern: sameEnvironmentIds };
    case 'stranger':
      // Ids are per ERP: Fabrikam's ERP may have its own action with the same number, so only markers count.
      return { texts: [...privateSecrets(), ...userSecrets(), ...environmentSecrets()] };
  }
}

// One walk over shared data, in the rows' order: the owner resolves and restores last (a 200 then
// proves nobody else did it first), and the last test adds up every row's leaks. Not shuffled.
describe.sequential('the cross-user and cross-tenant access matrix', { shuffle: false }, () => {
  it('has a row for every route of the OpenAPI document, and no row for a route that is gone', async () => {
    const document = await json<{ paths: Record<string, Record<string, unknown>> }>(await bridge.request('/openapi.json'));
    const routes = Object.entries(document.paths).flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`));
    expect(routes.filter((route) => !(route in rows))).toEqual([]);
    expect(Object.keys(rows).filter((route) => !routes.includes(route))).toEqual([]);
  });

  const leaks: string[] = [];
  let calls = 0;
  for (const [route, row] of Object.entries(rows)) {
    it(`${route}: ${callersOf(row).join(', ')}`, async () => {
      for (const caller of callersOf(row)) {
        const request = await row.call(caller);
        const response = await as(caller, request);
        const text = await response.text();
        calls += 1;
        expect(response.status, `${route} as ${caller}: ${text}`).toBeLessThan(500);
        if (caller === 'nonAdmin' && row.kind === 'admin') expect(response.status, `${route} as a non-admin`).toBe(403);
        const expected = row.othersGet?.[caller];
        if (expected !== undefined) expect(response.status, `${route} as ${caller}: ${text}`).toBe(expected);
        if ((caller === 'owner' || caller === 'admin') && row.ownerSees) {
          expect(response.status, `${route} as ${caller}: ${text}`).toBeLessThan(300);
          expect(text).toContain(row.ownerSees());
        }
        const { texts, idPattern } = forbiddenIn(caller, row);
        for (const secret of texts) if (text.includes(secret)) leaks.push(`${route} as ${caller} shows ${secret}`);
        if (idPattern?.test(text)) leaks.push(`${route} as ${caller} shows a private action id: ${text.slice(0, 200)}`);
      }
      expect(leaks.filter((leak) => leak.startsWith(`${route} `))).toEqual([]);
    });
  }

  it('ends with 0 leaks over every row and caller, the shared action still Íñigo’s and shared', async () => {
    expect(leaks).toEqual([]);
    expect(calls).toBe(Object.values(rows).reduce((sum, row) => sum + callersOf(row).length, 0));
    const shared = await ok<{ ownerId: string; private: boolean }>('owner', { method: 'GET', path: `/api/actions/${ids.sharedAction}` });
    expect(shared).toMatchObject({ ownerId: ids.inigoErpUser, private: false });
    const contact = await ok<{ jobTitle?: string }>('owner', { method: 'GET', path: `/api/contacts/${ids.contact}` });
    expect(contact.jobTitle).toBe('set by owner');
  });
});
