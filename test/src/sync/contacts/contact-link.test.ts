import { describe, expect, it } from 'vitest';
import type { ConflictRecord, LinkRecord, RunRecord, UserKey } from '../../../../server/store/store';
import { syncedContactSchema } from '../../../../src/domain/synced-contact';
import type { ContactConflict } from '../../../../src/sync/contacts/contact-conflict';
import type { ContactLink } from '../../../../src/sync/contacts/contact-link';
import type { ContactRunReport } from '../../../../src/sync/contacts/contact-run-report';
import { buildContactLink } from '../../../builders/build-contact-link';

const user: UserKey = { tenantId: 'tenant-1', objectId: 'user-1' };

describe('the engine’s records map onto the bridge store', () => {
  it('stores a contact link as a LinkRecord and reads it back unchanged', () => {
    const link: ContactLink = buildContactLink();
    const record: LinkRecord = { user, entity: 'contact', ...link };
    const { user: _user, entity: _entity, snapshot, ...rest } = record;
    const readBack: ContactLink = { ...rest, snapshot: syncedContactSchema.parse(snapshot) };
    expect(readBack).toEqual(link);
  });

  it('stores a conflict as a ConflictRecord and a run report as a RunRecord report', () => {
    const conflict: ContactConflict = { id: 'conflict-1', erpId: 'C-1', field: 'mobilePhone', erpValue: 'a', outlookValue: 'b', status: 'open', createdAt: '2026-03-02T08:00:00.000Z' };
    const record: ConflictRecord = { user, entity: 'contact', ...conflict };
    const report: ContactRunReport = {
      outcome: 'succeeded',
      startedAt: '2026-03-02T08:00:00.000Z',
      finishedAt: '2026-03-02T08:00:01.000Z',
      planned: { deduplicate: 0, adopt: 0, createInOutlook: 1, updateInErp: 0, updateInOutlook: 0, removeFromOutlook: 0, suppress: 0, conflict: 0, saveLink: 0, unlink: 0, heldRemovals: 0, waitingConflicts: 0, untouchedOutlookContacts: 0, duplicatesLeftAlone: 0, unchanged: 0 },
      applied: 1,
      failures: [],
      skipped: 0,
      heldRemovals: [],
      quiet: false,
      failedOperations: 0,
      resynced: false,
    };
    const run: Pick<RunRecord, 'report'> = { report };
    expect(record.field).toBe('mobilePhone');
    expect(run.report).toBe(report);
  });
});
