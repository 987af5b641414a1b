import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SyncPolicy } from '../../../src/domain/sync-policy';
import { buildCollectionPolicy, buildSyncPolicy } from '../../builders/build-sync-policy';
import { createTestBridge, demoUsers, type TestBridge } from '../support/create-test-bridge';

let bridge: TestBridge;
// Contoso's configuration keeps events off Outlook's side only: the admin may not allow 'erp-to-outlook' there.
beforeAll(async () => {
  bridge = await createTestBridge({ contosoSync: { events: { directions: ['two-way', 'off'] } } });
});
afterAll(() => bridge.close());

const json = async <T>(response: Response) => (await response.json()) as T;
const everything = (defaultDirection: SyncPolicy['contacts']['defaultDirection']) => buildCollectionPolicy({ defaultDirection });
const configured = buildSyncPolicy({ events: buildCollectionPolicy({ directions: ['two-way', 'off'] }) });
const oneWayContacts: SyncPolicy = {
  ...configured,
  contacts: { directions: ['erp-to-outlook', 'off'], conflicts: ['erp-wins'], defaultDirection: 'erp-to-outlook', defaultConflicts: 'erp-wins' },
};

const putPolicy = (token: string, policy: object) => bridge.request('/api/admin/sync-policy', { method: 'PUT', token, body: policy });
const putSettings = (token: string, settings: object) => bridge.request('/api/me/settings', { method: 'PUT', token, body: settings });
const settingsOf = async (token: string) => json<Record<string, unknown>>(await bridge.request('/api/me/settings', { token }));

beforeEach(async () => {
  expect((await putPolicy(bridge.tokens.lucia, configured)).status).toBe(200);
  expect((await putSettings(bridge.tokens.inigo, { enabled: true, contacts: 'two-way', conflicts: 'manual' })).status).toBe(200);
});

describe('the admin’s sync policy', () => {
  it('starts as the configuration’s sync block, and is the admin’s to change', async () => {
    const changed = await putPolicy(bridge.tokens.lucia, oneWayContacts);

    expect(changed.status).toBe(200);
    expect(await json(changed)).toEqual({ policy: oneWayContacts, configured, changedBy: demoUsers.lucia.email, changedAt: '2026-11-02T09:00:00.000Z' });
    expect(await json(await bridge.request('/api/admin/sync-policy', { token: bridge.tokens.lucia }))).toMatchObject({ policy: oneWayContacts });
    const me = await json<{ environment: { syncPolicy: SyncPolicy } }>(await bridge.request('/api/me', { token: bridge.tokens.inigo }));
    expect(me.environment.syncPolicy).toEqual(oneWayContacts);
  });

  it('is refused to a user who is not an admin, and changes nothing', async () => {
    expect((await bridge.request('/api/admin/sync-policy', { token: bridge.tokens.inigo })).status).toBe(403);
    expect((await putPolicy(bridge.tokens.inigo, oneWayContacts)).status).toBe(403);
    expect(await json(await bridge.request('/api/admin/sync-policy', { token: bridge.tokens.lucia }))).toMatchObject({ policy: configured });
  });

  it('refuses what the configuration does not allow, naming what it allows', async () => {
    const answer = await putPolicy(bridge.tokens.lucia, { ...configured, events: everything('two-way') });

    expect(answer.status).toBe(400);
    expect(await json(answer)).toEqual({ code: 'invalid_input', message: 'the configuration of this environment does not allow: events.directions: "erp-to-outlook" is not allowed (allowed: two-way, off)' });
  });

  it('refuses a default outside the allowed values, and an empty list', async () => {
    const outside = await putPolicy(bridge.tokens.lucia, { ...oneWayContacts, contacts: { ...oneWayContacts.contacts, defaultDirection: 'two-way' } });
    expect(outside.status).toBe(400);
    expect((await json<{ message: string }>(outside)).message).toContain('contacts.defaultDirection: the default must be one of the allowed directions: "two-way" is not allowed (allowed: erp-to-outlook, off)');
    expect((await putPolicy(bridge.tokens.lucia, { ...configured, tasks: { ...configured.tasks, directions: [] } })).status).toBe(400);
  });

  it('is per environment: Fabrikam’s admin changes Fabrikam’s, never Contoso’s', async () => {
    const fabrikamPolicy = { ...oneWayContacts, events: everything('two-way') };
    const answer = await putPolicy(bridge.tokens.amelie, fabrikamPolicy);

    expect(answer.status).toBe(200);
    expect(await json(answer)).toMatchObject({ policy: fabrikamPolicy });
    expect(await json(await bridge.request('/api/admin/sync-policy', { token: bridge.tokens.lucia }))).toMatchObject({ policy: configured });
    expect(await settingsOf(bridge.tokens.inigo)).toMatchObject({ contacts: 'two-way', conflicts: 'manual' });
    await putPolicy(bridge.tokens.amelie, buildSyncPolicy());
  });
});

describe('a user’s settings under the policy', () => {
  it('refuses a direction or conflict policy the admin does not allow, naming the allowed values, and keeps the saved settings', async () => {
    await putPolicy(bridge.tokens.lucia, oneWayContacts);
    const answer = await putSettings(bridge.tokens.inigo, { enabled: true, contacts: 'two-way', conflicts: 'erp-wins', contactFolderName: 'Refused' });

    expect(answer.status).toBe(400);
    expect(await json(answer)).toEqual({ code: 'invalid_input', message: 'outside this environment\'s sync policy: contacts: "two-way" is not allowed (allowed: erp-to-outlook, off)' });
    expect(await settingsOf(bridge.tokens.inigo)).not.toHaveProperty('contactFolderName', 'Refused');
  });

  it('reads a value the admin stopped allowing as the default, so the pane and sync never see it, and the user’s own choice again once allowed', async () => {
    await putPolicy(bridge.tokens.lucia, oneWayContacts);

    expect(await settingsOf(bridge.tokens.inigo)).toMatchObject({ enabled: true, contacts: 'erp-to-outlook', conflicts: 'erp-wins' });
    const me = await json<{ settings: Record<string, unknown> }>(await bridge.request('/api/me', { token: bridge.tokens.inigo }));
    expect(me.settings).toMatchObject({ contacts: 'erp-to-outlook', conflicts: 'erp-wins' });
    await putPolicy(bridge.tokens.lucia, configured);
    expect(await settingsOf(bridge.tokens.inigo)).toMatchObject({ contacts: 'two-way', conflicts: 'manual' });
  });

  it('gives a direction or policy left out the environment’s default', async () => {
    await putPolicy(bridge.tokens.lucia, { ...configured, tasks: { ...everything('off'), defaultConflicts: 'newest' } });

    const answer = await putSettings(bridge.tokens.inigo, { enabled: true });

    expect(answer.status).toBe(200);
    expect(await json(answer)).toMatchObject({ contacts: 'erp-to-outlook', tasks: 'off', taskConflicts: 'newest', events: 'two-way' });
  });

  it('lets two-way contact sync be chosen where the policy allows it, for the user who chose it only', async () => {
    const answer = await putSettings(bridge.tokens.inigo, { enabled: true, contacts: 'two-way', conflicts: 'newest' });

    expect(answer.status).toBe(200);
    expect(await settingsOf(bridge.tokens.inigo)).toMatchObject({ contacts: 'two-way', conflicts: 'newest' });
    expect(await settingsOf(bridge.tokens.lucia)).toMatchObject({ contacts: 'erp-to-outlook', conflicts: 'erp-wins' });
  });
});
