import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoIds } from '../../../dev/m365/identity/demo-directory';
import { createTestBridge, type TestBridge } from '../support/create-test-bridge';

let bridge: TestBridge;
beforeAll(async () => {
  bridge = await createTestBridge();
});
afterAll(() => bridge.close());

const json = async <T>(response: Response) => (await response.json()) as T;

interface Run {
  id: string;
  status: string;
  stage: string;
  done: number;
  total: number;
  report?: { planned?: { createInOutlook?: number } };
}

const stages = ['queued', 'listing-erp', 'listing-outlook', 'planning', 'applying', 'saving', 'done'];
const writesSoFar = () => Object.values(bridge.m365.graph.admin.counters().mailboxes).reduce((sum, mailbox) => sum + mailbox.writes, 0);
const folderContacts = (folderId: string) => bridge.m365.graph.admin.readMailbox(demoIds.luciaObjectId).contacts.filter((contact) => contact.parentFolderId === folderId);

describe('contact sync through the bridge’s API', () => {
  it('takes a signed-in user from choosing the ERP folder to their ERP contacts in Outlook', async () => {
    const token = bridge.tokens.lucia;
    expect((await bridge.request('/api/admin/activation', { method: 'PUT', token, body: { syncActivated: true, applicationId: demoIds.bridgeClientId } })).status).toBe(200);
    expect(await json(await bridge.request('/api/me/sync/connect', { method: 'POST', token }))).toEqual({ connected: true });

    const before = await json<{ items: { id: string; displayName: string }[] }>(await bridge.request('/api/me/contact-folders', { token }));
    const folder = before.items.find((item) => item.displayName === 'ERP')
      ?? (await json<{ id: string; displayName: string }>(await bridge.request('/api/me/contact-folders', { method: 'POST', token, body: { displayName: 'ERP' } })));
    const settings = { enabled: true, contactFolderId: folder.id, contactFolderName: 'ERP', contacts: 'erp-to-outlook' };
    expect((await bridge.request('/api/me/settings', { method: 'PUT', token, body: settings })).status).toBe(200);

    bridge.m365.graph.admin.resetCounters();
    const preview = await json<{ counts: { createInOutlook: number }; needsConfirmation: boolean }>(await bridge.request('/api/me/sync/preview', { method: 'POST', token }));
    expect(preview.counts.createInOutlook).toBeGreaterThan(0);
    expect(preview.needsConfirmation).toBe(false);
    expect(writesSoFar()).toBe(0);
    expect(folderContacts(folder.id)).toEqual([]);
    expect(await bridge.store.runs.listForUser({ tenantId: demoIds.contosoTenantId, objectId: demoIds.luciaObjectId }, 10)).toEqual([]);

    const started = await bridge.request('/api/me/sync/runs', { method: 'POST', token, body: {} });
    expect(started.status).toBe(202);
    const { runId } = await json<{ runId: string }>(started);
    const seen: Run[] = [];
    const finished = await vi.waitFor(
      async () => {
        const run = await json<Run>(await bridge.request(`/api/me/sync/runs/${runId}`, { token }));
        seen.push(run);
        if (run.status !== 'succeeded') throw new Error(`run is ${run.status} (${run.stage})`);
        return run;
      },
      { timeout: 20_000, interval: 50 },
    );

    for (const run of seen) {
      expect(stages).toContain(run.stage);
      expect(run.done).toBeLessThanOrEqual(run.total);
    }
    expect(finished).toMatchObject({ id: runId, stage: 'done', report: { planned: { createInOutlook: preview.counts.createInOutlook } } });
    expect(finished.done).toBe(finished.total);
    expect(folderContacts(folder.id)).toHaveLength(preview.counts.createInOutlook);
    const again = await json<{ counts: { createInOutlook: number } }>(await bridge.request('/api/me/sync/preview', { method: 'POST', token }));
    expect(again.counts.createInOutlook).toBe(0);
  });
});
