import { describe, expect, it } from 'vitest';
import { ErpError } from '../../../src/domain/erp-port';
import { projectErpContact } from '../../../src/domain/project-erp-contact';
import { SyncError } from '../../../src/sync/sync-error';
import { countContactWrites } from '../../../server/metrics/count-contact-writes';
import { createBridgeMetrics } from '../../../server/metrics/create-bridge-metrics';
import { buildErpContact } from '../../builders/build-erp-contact';
import { buildOutlookContact } from '../../builders/build-outlook-contact';
import { FakeClock } from '../../fakes/fake-clock';
import { FakeErpContactSource } from '../../fakes/fake-erp-contact-source';
import { FakeOutlookContactFolder } from '../../fakes/fake-outlook-contact-folder';
import { readMetric } from './support/read-metric';

function counted() {
  const clock = new FakeClock('2026-11-02T09:00:00.000Z');
  const folder = new FakeOutlookContactFolder(clock);
  folder.seed(buildOutlookContact({ id: 'kept', changeKey: 'ck-kept' }));
  folder.seed(buildOutlookContact({ id: 'gone', changeKey: 'ck-gone' }));
  const erp = new FakeErpContactSource(clock, [buildErpContact({ id: 'C-1', version: 3 }), buildErpContact({ id: 'C-2', version: 1 })]);
  const metrics = createBridgeMetrics();
  const left = new FakeOutlookContactFolder(clock, 'left-folder');
  left.seed(buildOutlookContact({ id: 'left', changeKey: 'ck-left' }));
  const ports = countContactWrites({ folder, folderFor: (folderId: string) => (folderId === left.folderId ? left : folder), erp }, metrics);
  const value = (name: string, labels: Record<string, string>) => readMetric(metrics.registry, name, { collection: 'contacts', ...labels });
  return { ports, folder, erp, value };
}

describe('countContactWrites', () => {
  it('counts the Outlook writes Graph accepted by operation, and each refused one by its code', async () => {
    const { ports, value } = counted();
    const { fields, tag } = projectErpContact(buildErpContact({ id: 'C-9' }), 'acme');

    const answers = await ports.folder.write([
      { kind: 'create', fields, tag },
      { kind: 'update', outlookId: 'kept', changeKey: 'stale', changes: { jobTitle: 'CFO' } },
      { kind: 'remove', outlookId: 'gone', changeKey: 'ck-gone' },
    ]);

    expect(answers.map((answer) => answer.ok)).toEqual([true, false, true]);
    expect(await value('erp_bridge_sync_items_written_total', { side: 'outlook', operation: 'create' })).toBe(1);
    expect(await value('erp_bridge_sync_items_written_total', { side: 'outlook', operation: 'update' })).toBe(0);
    expect(await value('erp_bridge_sync_items_written_total', { side: 'outlook', operation: 'remove' })).toBe(1);
    expect(await value('erp_bridge_sync_failures_total', { scope: 'item', code: 'precondition_failed' })).toBe(1);
  });

  it('counts ERP updates the ERP accepted, and a refused one as an item failure, through a folder got by id too', async () => {
    const { ports, value } = counted();

    await ports.erp.updateContactFields('C-1', { jobTitle: 'CFO' }, 3);
    await expect(ports.erp.updateContactFields('C-2', { jobTitle: 'CFO' }, 7)).rejects.toMatchObject({ code: 'conflict' });
    await ports.folderFor('left-folder').write([{ kind: 'remove', outlookId: 'left' }]);

    expect(await value('erp_bridge_sync_items_written_total', { side: 'erp', operation: 'update' })).toBe(1);
    expect(await value('erp_bridge_sync_failures_total', { scope: 'item', code: 'conflict' })).toBe(1);
    expect(await value('erp_bridge_sync_items_written_total', { side: 'outlook', operation: 'remove' })).toBe(1);
  });

  it('leaves a failure that stops the run to the run, and fails each write of a round that failed as a whole', async () => {
    const { ports, folder, erp, value } = counted();
    erp.failWith = () => new ErpError('erp_unavailable', 'the ERP is down');
    folder.write = () => Promise.reject(new SyncError('unavailable', 'connection reset'));

    await expect(ports.erp.updateContactFields('C-1', { jobTitle: 'CFO' }, 3)).rejects.toMatchObject({ code: 'erp_unavailable' });
    await expect(ports.folder.write([{ kind: 'remove', outlookId: 'kept' }, { kind: 'remove', outlookId: 'gone' }])).rejects.toMatchObject({ code: 'unavailable' });
    folder.write = () => Promise.reject(new SyncError('throttled', 'still throttled'));
    await expect(ports.folder.write([{ kind: 'remove', outlookId: 'kept' }])).rejects.toMatchObject({ code: 'throttled' });

    expect(await value('erp_bridge_sync_failures_total', { code: 'erp_unavailable' })).toBe(0);
    expect(await value('erp_bridge_sync_failures_total', { code: 'throttled' })).toBe(0);
    expect(await value('erp_bridge_sync_failures_total', { scope: 'item', code: 'unavailable' })).toBe(2);
    expect(await value('erp_bridge_sync_items_written_total', {})).toBe(0);
  });
});
