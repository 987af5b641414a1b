import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { demoFixedRecords } from '../../../server/erp/demo/demo-fixed-records';
import { demoUsers, createTestBridge, testNow, type TestBridge } from '../support/create-test-bridge';

let bridge: TestBridge;
beforeAll(async () => {
  bridge = await createTestBridge();
});
afterAll(() => bridge.close());

const anaGarcia = demoFixedRecords.contacts.anaGarcia;
const lucia = { tenantId: demoIds.contosoTenantId, objectId: demoIds.luciaObjectId };

/** Lucía's claim on an email, as a request of hers left it in the store. */
async function claimAsLucia(itemKey: string, loggedAt: string) {
  await bridge.store.users.upsert({ ...lucia, environment: 'contoso', email: demoUsers.lucia.email, displayName: demoUsers.lucia.displayName }, testNow.toISOString());
  await bridge.store.loggedItems.claim({ environment: 'contoso', itemKey, loggedBy: lucia, loggedAt });
}
const emailOf = (internetMessageId: string, subject: string) => ({
  internetMessageId, subject, from: { email: anaGarcia.email, name: 'Ana García' },
  to: [{ email: demoUsers.inigo.email }], sentAt: '2026-11-02T08:15:00Z', bodyText: 'Os confirmo el pedido.',
});

/** The action Lucía's request writes for the email, with its key, before it records it in the bridge. */
function writeActionOfLucia(email: ReturnType<typeof emailOf>) {
  return bridge.erps.contoso.createAction(
    { type: 'email', subject: email.subject, contactId: anaGarcia.id, allDay: false, timeZone: 'UTC', status: 'done', private: false },
    { email: demoUsers.lucia.email },
    { sourceKey: `contoso:email:${email.internetMessageId}` },
  );
}

/** The ERP actions of Ana García with this subject: how many times the email became an action. */
async function actionsWithSubject(subject: string) {
  const page = await bridge.erps.contoso.listActions({ contactId: anaGarcia.id, limit: 100 });
  return page.items.filter((action) => action.subject === subject);
}

describe('logging an email exactly once', () => {
  it('finds the action on a retry when recording it failed after the ERP wrote it', async () => {
    const email = emailOf('<retry-after-store-failure@mail.example.es>', 'Pedido 2026-201');
    const complete = bridge.store.loggedItems.complete;
    bridge.store.loggedItems.complete = async () => {
      bridge.store.loggedItems.complete = complete;
      throw new Error('the store went away');
    };

    const failed = await bridge.request('/api/log/email', { method: 'POST', token: bridge.tokens.inigo, body: email });
    const retried = await bridge.request('/api/log/email', { method: 'POST', token: bridge.tokens.inigo, body: email });

    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(retried.status).toBe(200);
    const [action] = await actionsWithSubject(email.subject);
    expect(await retried.json()).toMatchObject({ alreadyLogged: true, action: { id: action?.id } });
    expect(await actionsWithSubject(email.subject)).toHaveLength(1);
    const status = await (await bridge.request(`/api/log/email?internetMessageId=${encodeURIComponent(email.internetMessageId)}`, { token: bridge.tokens.lucia })).json();
    expect(status).toMatchObject({ logged: true, actionId: action?.id });
  });

  it('finds the action a slow request wrote when its claim is taken over, instead of writing a second one', async () => {
    const email = emailOf('<slow-request@mail.example.es>', 'Pedido 2026-202');
    // A request that claimed the email long ago and wrote its action, but has not recorded it yet.
    await claimAsLucia(`email:${email.internetMessageId}`, new Date(testNow.getTime() - 10 * 60_000).toISOString());
    const slow = await writeActionOfLucia(email);

    const takenOver = await bridge.request('/api/log/email', { method: 'POST', token: bridge.tokens.inigo, body: email });

    expect(takenOver.status).toBe(200);
    expect(await takenOver.json()).toMatchObject({ alreadyLogged: true, action: { id: slow.id } });
    expect(await actionsWithSubject(email.subject)).toHaveLength(1);
  });

  it('tells a second request while the first one is still writing that it is in progress, and then gives it the action', async () => {
    const email = emailOf('<in-flight@mail.example.es>', 'Pedido 2026-203');
    await claimAsLucia(`email:${email.internetMessageId}`, testNow.toISOString());

    const meanwhile = await bridge.request('/api/log/email', { method: 'POST', token: bridge.tokens.inigo, body: email });
    const made = await writeActionOfLucia(email);
    const after = await bridge.request('/api/log/email', { method: 'POST', token: bridge.tokens.inigo, body: email });

    expect(meanwhile.status).toBe(409);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ alreadyLogged: true, action: { id: made.id } });
  });
});

describe('the demo ERP', () => {
  it('keeps one action per source key and finds it by that key', async () => {
    const input = { type: 'email' as const, subject: 'Clave única', allDay: false, timeZone: 'UTC', status: 'done' as const, private: false };
    const actor = { email: demoUsers.inigo.email };
    const first = await bridge.erps.contoso.createAction(input, actor, { sourceKey: 'contoso:<unique@mail>' });

    await expect(bridge.erps.contoso.createAction(input, actor, { sourceKey: 'contoso:<unique@mail>' })).rejects.toThrow();
    expect(await bridge.erps.contoso.findActionBySourceKey('contoso:<unique@mail>')).toMatchObject({ id: first.id });
    expect(await bridge.erps.contoso.findActionBySourceKey('contoso:<other@mail>')).toBeUndefined();
  });
});
