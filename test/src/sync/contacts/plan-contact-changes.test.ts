import { describe, expect, it } from 'vitest';
import { ErpError } from '../../../../src/domain/erp-port';
import { projectErpContact } from '../../../../src/domain/project-erp-contact';
import { planContactChanges } from '../../../../src/sync/contacts/plan-contact-changes';
import { buildContactLink } from '../../../builders/build-contact-link';
import { buildErpContact } from '../../../builders/build-erp-contact';
import { buildOutlookContact } from '../../../builders/build-outlook-contact';
import { sequentialIds } from '../../../builders/sequential-ids';
import { ContactSyncFakes } from '../../../fakes/contact-sync-fakes';

const firstRun = '2026-03-02T08:00:00.000Z';
const secondRun = '2026-03-02T08:05:00.000Z';
const thirdRun = '2026-03-02T08:10:00.000Z';
const fourthRun = '2026-03-02T08:15:00.000Z';

const kinds = (plan: { operations: { kind: string; erpId: string }[] }) => plan.operations.map(({ kind, erpId }) => `${kind} ${erpId}`);

/** A mailbox whose ERP contacts were synced by a first run. */
async function syncedMailbox(erpContacts = [buildErpContact()]) {
  const fakes = new ContactSyncFakes({ now: firstRun, erpContacts });
  await fakes.run(firstRun);
  return fakes;
}

function ourCopy(fakes: ContactSyncFakes, erpId = 'C-1001') {
  const [copy, ...others] = fakes.outlook.withTag(`acme:${erpId}`);
  if (copy === undefined || others.length) throw new Error(`expected one copy of ${erpId}, found ${others.length + (copy ? 1 : 0)}`);
  return copy;
}

describe('planContactChanges: the first run', () => {
  it('creates each ERP contact tagged with its environment and ERP id', async () => {
    const fakes = new ContactSyncFakes({ now: firstRun, erpContacts: [buildErpContact()] });
    const { plan } = await fakes.run(firstRun);
    const projected = projectErpContact(buildErpContact(), 'acme');
    expect(plan.operations).toEqual([
      { kind: 'createInOutlook', erpId: 'C-1001', tag: 'acme:C-1001', fields: projected.fields, link: { erpId: 'C-1001', state: 'active', snapshot: projected.fields, missedListings: 0, updatedAt: firstRun } },
    ]);
    expect(fakes.links.link('C-1001')).toMatchObject({ outlookId: ourCopy(fakes).id, state: 'active' });
  });

  it('never touches the user’s own untagged contacts in the folder, even one for the same person', async () => {
    const fakes = new ContactSyncFakes({ now: firstRun, erpContacts: [buildErpContact()] });
    const own = buildOutlookContact({ id: 'mine-1', tag: undefined });
    const otherEnvironment = buildOutlookContact({ id: 'sandbox-1', tag: 'sandbox:C-1001' });
    fakes.outlook.seed(own, { nickname: 'Pepe' });
    fakes.outlook.seed(otherEnvironment);
    const { plan } = await fakes.run(firstRun);
    expect(JSON.stringify(plan.operations)).not.toMatch(/mine-1|sandbox-1/);
    expect(plan.counters.untouchedOutlookContacts).toBe(2);
    expect(fakes.outlook.contact('mine-1')).toEqual(own);
    expect(fakes.outlook.contact('sandbox-1')).toEqual(otherEnvironment);
    expect((await fakes.run(secondRun)).plan.operations).toEqual([]);
  });

  it('adopts the tagged item a crashed create left behind instead of creating a duplicate', async () => {
    const fakes = new ContactSyncFakes({ now: firstRun, erpContacts: [buildErpContact({ mobilePhone: '+34 600 999 999' })] });
    // The create reached Outlook, then the process died before the link was saved.
    fakes.outlook.seed(buildOutlookContact({ id: 'crashed-1' }));
    const { plan } = await fakes.run(secondRun);
    expect(kinds(plan)).toEqual(['adopt C-1001', 'updateInOutlook C-1001', 'saveLink C-1001']);
    expect(plan.operations[1]).toMatchObject({ changes: { mobilePhone: '+34 600 999 999' } });
    expect(fakes.outlook.withTag('acme:C-1001').map((copy) => copy.id)).toEqual(['crashed-1']);
    expect(fakes.links.link('C-1001')?.outlookId).toBe('crashed-1');
    expect((await fakes.run(thirdRun)).plan.operations).toEqual([]);
  });

  it('keeps the linked copy and removes the others when a tag appears twice', async () => {
    const fakes = await syncedMailbox();
    const kept = ourCopy(fakes);
    fakes.outlook.seed(buildOutlookContact({ id: 'a-retry-copy', createdDateTime: '2026-03-01T00:00:00.000Z', lastModifiedDateTime: '2026-03-01T00:00:00.000Z' }));
    const { plan } = await fakes.run(secondRun);
    expect(plan.operations).toEqual([{ kind: 'deduplicate', erpId: 'C-1001', keepOutlookId: kept.id, remove: [{ outlookId: 'a-retry-copy', changeKey: 'ck-1' }] }]);
    expect(fakes.outlook.withTag('acme:C-1001').map((copy) => copy.id)).toEqual([kept.id]);
  });

  it('leaves a tagged copy someone edited alone, and reports it', async () => {
    const fakes = await syncedMailbox();
    const kept = ourCopy(fakes);
    fakes.outlook.seed(buildOutlookContact({ id: 'users-copy', createdDateTime: '2026-03-01T00:00:00.000Z', lastModifiedDateTime: '2026-03-01T09:30:00.000Z' }));
    const { plan } = await fakes.run(secondRun);
    expect(plan.operations).toEqual([]);
    expect(plan.counters.duplicatesLeftAlone).toBe(1);
    expect(fakes.outlook.withTag('acme:C-1001').map((copy) => copy.id).sort()).toEqual([kept.id, 'users-copy'].sort());
  });
});

describe('planContactChanges: updates', () => {
  it('keeps the Outlook-only nickname when the ERP phone changes', async () => {
    const fakes = await syncedMailbox();
    fakes.outlook.editInOutlook(ourCopy(fakes).id, {}, { nickname: 'Pepe', birthday: '1970-05-01' });
    const copy = ourCopy(fakes);
    fakes.erp.editInErp('C-1001', { businessPhone: '+34 910 999 999' });
    const { plan } = await fakes.run(secondRun);
    expect(plan.operations).toEqual([
      { kind: 'updateInOutlook', erpId: 'C-1001', outlookId: copy.id, changeKey: copy.changeKey, changes: { businessPhone: '+34 910 999 999' } },
      expect.objectContaining({ kind: 'saveLink' }),
    ]);
    expect(fakes.outlook.outlookOnly(copy.id)).toEqual({ nickname: 'Pepe', birthday: '1970-05-01' });
    expect(ourCopy(fakes).fields.businessPhone).toBe('+34 910 999 999');
  });

  it('writes only the changed fields, with the change key it read', async () => {
    const fakes = await syncedMailbox();
    const copy = ourCopy(fakes);
    fakes.erp.editInErp('C-1001', { jobTitle: 'Director', notes: undefined });
    const { plan } = await fakes.run(secondRun);
    expect(plan.operations[0]).toEqual({ kind: 'updateInOutlook', erpId: 'C-1001', outlookId: copy.id, changeKey: copy.changeKey, changes: { jobTitle: 'Director', notes: null } });
  });

  it('leaves the user’s own categories alone', async () => {
    const fakes = await syncedMailbox();
    fakes.outlook.editInOutlook(ourCopy(fakes).id, { categories: ['VIP'] });
    fakes.erp.editInErp('C-1001', { jobTitle: 'Director' });
    await fakes.run(secondRun);
    expect(ourCopy(fakes).fields.categories).toEqual(['VIP']);
    expect((await fakes.run(thirdRun)).plan.operations).toEqual([]);
  });

  it('puts the ERP values back over an Outlook edit when the direction is ERP → Outlook', async () => {
    const fakes = await syncedMailbox();
    fakes.outlook.editInOutlook(ourCopy(fakes).id, { mobilePhone: '+34 699 000 000' });
    const { plan } = await fakes.run(secondRun);
    expect(plan.operations).toMatchObject([{ kind: 'updateInOutlook', changes: { mobilePhone: '+34 600 000 001' } }]);
    expect(fakes.erp.contact('C-1001')?.mobilePhone).toBe('+34 600 000 001');
    expect(fakes.erp.writes).toBe(0);
  });

  it('sends an Outlook edit to the ERP with the version it read, two-way', async () => {
    const fakes = await syncedMailbox();
    fakes.outlook.editInOutlook(ourCopy(fakes).id, { mobilePhone: '+34 699 000 000' });
    const { plan } = await fakes.run(secondRun, { direction: 'two-way' });
    expect(plan.operations).toEqual([
      { kind: 'updateInErp', erpId: 'C-1001', version: 1, changes: { mobilePhone: '+34 699 000 000' } },
      expect.objectContaining({ kind: 'saveLink' }),
    ]);
    expect(fakes.erp.contact('C-1001')).toMatchObject({ mobilePhone: '+34 699 000 000', version: 2 });
  });

  it('keeps the ERP emails Outlook has no slot for when the user edits an email in Outlook', async () => {
    const fakes = await syncedMailbox();
    fakes.outlook.editInOutlook(ourCopy(fakes).id, { emails: ['jose@ferreteria.test', 'nuevo@ferreteria.test', 'jnunez@correo.test'] });
    await fakes.run(secondRun, { direction: 'two-way' });
    expect(fakes.erp.contact('C-1001')?.emails).toEqual(['jose@ferreteria.test', 'nuevo@ferreteria.test', 'jnunez@correo.test', 'cuarto@correo.test']);
    expect((await fakes.run(thirdRun, { direction: 'two-way' })).plan.operations).toEqual([]);
  });

  it('fills the slot an email removed in Outlook freed with the ERP’s next email, in both places at once', async () => {
    const fakes = await syncedMailbox();
    fakes.outlook.editInOutlook(ourCopy(fakes).id, { emails: ['jose@ferreteria.test', 'jnunez@correo.test'] });
    await fakes.run(secondRun, { direction: 'two-way' });
    expect(fakes.erp.contact('C-1001')?.emails).toEqual(['jose@ferreteria.test', 'jnunez@correo.test', 'cuarto@correo.test']);
    expect(ourCopy(fakes).fields.emails).toEqual(['jose@ferreteria.test', 'jnunez@correo.test', 'cuarto@correo.test']);
    expect((await fakes.run(thirdRun, { direction: 'two-way' })).plan.operations).toEqual([]);
  });
});

describe('planContactChanges: the same field edited on both sides', () => {
  async function editedOnBothSides() {
    const fakes = await syncedMailbox();
    fakes.clock.set('2026-03-02T08:01:00.000Z');
    fakes.erp.editInErp('C-1001', { mobilePhone: '+34 600 ERP' });
    fakes.clock.set('2026-03-02T08:02:00.000Z');
    fakes.outlook.editInOutlook(ourCopy(fakes).id, { mobilePhone: '+34 600 OUTLOOK' });
    return fakes;
  }

  it.each([
    ['erp-wins', '+34 600 ERP', 'erp'],
    ['outlook-wins', '+34 600 OUTLOOK', 'outlook'],
    ['newest', '+34 600 OUTLOOK', 'outlook'],
  ] as const)('under %s, both sides end with %s and the conflict is recorded resolved', async (policy, winner, resolution) => {
    const fakes = await editedOnBothSides();
    await fakes.run(secondRun, { direction: 'two-way', policy });
    expect(fakes.erp.contact('C-1001')?.mobilePhone).toBe(winner);
    expect(ourCopy(fakes).fields.mobilePhone).toBe(winner);
    expect(fakes.links.allConflicts()).toEqual([
      { id: 'conflict-1', erpId: 'C-1001', field: 'mobilePhone', erpValue: '+34 600 ERP', outlookValue: '+34 600 OUTLOOK', status: 'resolved', resolution, createdAt: secondRun, resolvedAt: secondRun },
    ]);
    expect((await fakes.run(thirdRun, { direction: 'two-way', policy })).plan.operations).toEqual([]);
  });

  it('under manual, records the conflict once, touches neither side, and applies the user’s choice later', async () => {
    const fakes = await editedOnBothSides();
    const { plan } = await fakes.run(secondRun, { direction: 'two-way', policy: 'manual' });
    expect(kinds(plan)).toEqual(['conflict C-1001']);
    expect(plan.counters.waitingConflicts).toBe(1);
    expect(fakes.links.allConflicts()).toMatchObject([{ id: 'conflict-1', status: 'open', erpValue: '+34 600 ERP', outlookValue: '+34 600 OUTLOOK' }]);
    expect(fakes.erp.contact('C-1001')?.mobilePhone).toBe('+34 600 ERP');
    expect(ourCopy(fakes).fields.mobilePhone).toBe('+34 600 OUTLOOK');

    const waiting = await fakes.run(thirdRun, { direction: 'two-way', policy: 'manual' });
    expect(waiting.plan.operations).toEqual([]);
    expect(waiting.plan.counters.waitingConflicts).toBe(1);

    fakes.links.resolveInAddIn('conflict-1', 'outlook', '2026-03-02T08:12:00.000Z');
    const resolved = await fakes.run(fourthRun, { direction: 'two-way', policy: 'manual' });
    expect(kinds(resolved.plan)).toEqual(['updateInErp C-1001', 'saveLink C-1001']);
    expect(fakes.erp.contact('C-1001')?.mobilePhone).toBe('+34 600 OUTLOOK');
    expect(fakes.links.allConflicts()).toHaveLength(1);
    expect((await fakes.run('2026-03-02T08:20:00.000Z', { direction: 'two-way', policy: 'manual' })).plan.operations).toEqual([]);
  });
});

describe('planContactChanges: contacts the user deletes in Outlook', () => {
  it('suppresses the link and keeps the ERP record when the user deletes a synced contact', async () => {
    const fakes = await syncedMailbox();
    fakes.outlook.deleteInOutlook(ourCopy(fakes).id);
    const { plan } = await fakes.run(secondRun, { direction: 'two-way' });
    expect(kinds(plan)).toEqual(['suppress C-1001']);
    expect(fakes.links.link('C-1001')?.state).toBe('suppressed');
    expect(fakes.erp.ids()).toEqual(['C-1001']);
    expect(fakes.erp.writes).toBe(0);
  });

  it('does not recreate a suppressed contact on the next runs', async () => {
    const fakes = await syncedMailbox();
    fakes.outlook.deleteInOutlook(ourCopy(fakes).id);
    await fakes.run(secondRun);
    expect((await fakes.run(thirdRun)).plan.operations).toEqual([]);
    expect(fakes.outlook.withTag('acme:C-1001')).toEqual([]);
  });

  it('recreates it once the ERP record changes after the suppression', async () => {
    const fakes = await syncedMailbox();
    fakes.outlook.deleteInOutlook(ourCopy(fakes).id);
    await fakes.run(secondRun);
    fakes.erp.editInErp('C-1001', { jobTitle: 'Directora comercial' });
    const { plan } = await fakes.run(thirdRun);
    expect(kinds(plan)).toEqual(['createInOutlook C-1001']);
    expect(ourCopy(fakes).fields.jobTitle).toBe('Directora comercial');
    expect(fakes.links.link('C-1001')?.state).toBe('active');
  });

  it('suppresses against the ERP values of the run that saw the delete, so an earlier ERP edit does not bring it back', async () => {
    const fakes = await syncedMailbox();
    fakes.erp.editInErp('C-1001', { jobTitle: 'Directora comercial' });
    fakes.outlook.deleteInOutlook(ourCopy(fakes).id);
    await fakes.run(secondRun);
    expect((await fakes.run(thirdRun)).plan.operations).toEqual([]);
  });

  it('relinks the contact when the user restores it from Deleted Items', async () => {
    const fakes = await syncedMailbox();
    const copy = ourCopy(fakes);
    fakes.outlook.deleteInOutlook(copy.id);
    await fakes.run(secondRun);
    fakes.outlook.seed(copy);
    const { plan } = await fakes.run(thirdRun);
    expect(kinds(plan)).toEqual(['adopt C-1001']);
    expect(fakes.links.link('C-1001')).toMatchObject({ state: 'active', outlookId: copy.id });
  });

  it('recreates it when the user restores it from the add-in (the suppressed link is forgotten)', async () => {
    const fakes = await syncedMailbox();
    fakes.outlook.deleteInOutlook(ourCopy(fakes).id);
    await fakes.run(secondRun);
    await fakes.links.removeLink('C-1001');
    expect(kinds((await fakes.run(thirdRun)).plan)).toEqual(['createInOutlook C-1001']);
  });
});

describe('planContactChanges: ERP records that leave the scope', () => {
  it('keeps the Outlook copy when one listing misses the record', async () => {
    const fakes = await syncedMailbox();
    fakes.erp.leaveScope('C-1001');
    const { plan } = await fakes.run(secondRun);
    expect(plan.operations).toEqual([{ kind: 'saveLink', erpId: 'C-1001', link: expect.objectContaining({ missedListings: 1 }) }]);
    expect(fakes.outlook.withTag('acme:C-1001')).toHaveLength(1);
  });

  it('counts no second miss when the same run plans again', async () => {
    const fakes = await syncedMailbox();
    fakes.erp.leaveScope('C-1001');
    await fakes.run(secondRun);
    expect((await fakes.run(secondRun)).plan.operations).toEqual([]);
  });

  it('removes the Outlook copy when a second listing misses it, and never deletes the ERP record', async () => {
    const fakes = await syncedMailbox([buildErpContact(), ...['C-2', 'C-3', 'C-4', 'C-5'].map((id) => buildErpContact({ id }))]);
    fakes.erp.leaveScope('C-1001');
    await fakes.run(secondRun);
    const { plan } = await fakes.run(thirdRun);
    expect(plan.operations).toEqual([{ kind: 'removeFromOutlook', erpId: 'C-1001', outlookId: expect.any(String), changeKey: expect.any(String), reason: 'left-scope' }]);
    expect(fakes.outlook.withTag('acme:C-1001')).toEqual([]);
    expect(fakes.links.link('C-1001')).toBeUndefined();
    expect(fakes.erp.ids()).toContain('C-1001');
  });

  it('forgets the miss when the record is back in scope', async () => {
    const fakes = await syncedMailbox();
    fakes.erp.leaveScope('C-1001');
    await fakes.run(secondRun);
    fakes.erp.enterScope('C-1001');
    await fakes.run(thirdRun);
    fakes.erp.leaveScope('C-1001');
    await fakes.run(fourthRun);
    expect(fakes.outlook.withTag('acme:C-1001')).toHaveLength(1);
  });

  it('removes the copy of a record the ERP deleted at once (tombstone)', async () => {
    const fakes = await syncedMailbox([buildErpContact(), ...['C-2', 'C-3', 'C-4', 'C-5'].map((id) => buildErpContact({ id }))]);
    fakes.erp.deleteInErp('C-1001');
    const { plan } = await fakes.run(secondRun);
    expect(plan.operations).toMatchObject([{ kind: 'removeFromOutlook', erpId: 'C-1001', reason: 'tombstone' }]);
    expect((await fakes.run(thirdRun)).plan.operations).toEqual([]);
  });
});

describe('planContactChanges: the mass-removal guard', () => {
  const tenContacts = Array.from({ length: 10 }, (_, index) => buildErpContact({ id: `C-${index}` }));

  it('holds back a run that would remove 30% of the synced contacts and asks for confirmation', async () => {
    const fakes = await syncedMailbox(tenContacts);
    ['C-0', 'C-1', 'C-2'].forEach((id) => fakes.erp.deleteInErp(id));
    fakes.erp.editInErp('C-9', { jobTitle: 'Nuevo' });
    const { plan } = await fakes.run(secondRun);
    expect(plan.needsConfirmation).toBe(true);
    expect(plan.heldRemovals.map((removal) => removal.erpId)).toEqual(['C-0', 'C-1', 'C-2']);
    expect(kinds(plan)).toEqual(['updateInOutlook C-9', 'saveLink C-9']);
    expect(plan.counters).toMatchObject({ removeFromOutlook: 0, heldRemovals: 3 });
    expect(fakes.outlook.withTag('acme:C-0')).toHaveLength(1);
    expect((await fakes.run(thirdRun)).plan).toMatchObject({ operations: [], needsConfirmation: true });
  });

  it('lets the removals through once the user confirmed them', async () => {
    const fakes = await syncedMailbox(tenContacts);
    ['C-0', 'C-1', 'C-2'].forEach((id) => fakes.erp.deleteInErp(id));
    const { plan } = await fakes.run(secondRun, { confirmedRemovals: ['C-0', 'C-1', 'C-2'] });
    expect(plan.needsConfirmation).toBe(false);
    expect(kinds(plan)).toEqual(['removeFromOutlook C-0', 'removeFromOutlook C-1', 'removeFromOutlook C-2']);
    expect(fakes.outlook.withTag('acme:C-0')).toEqual([]);
  });

  it('lets 20% through without asking', async () => {
    const fakes = await syncedMailbox(tenContacts);
    ['C-0', 'C-1'].forEach((id) => fakes.erp.deleteInErp(id));
    expect((await fakes.run(secondRun)).plan).toMatchObject({ needsConfirmation: false, counters: { removeFromOutlook: 2 } });
  });
});

describe('planContactChanges: runs that fail part way', () => {
  it('reports a refused ERP write as that contact’s failure, applies the others, and converges on the next run', async () => {
    const fakes = await syncedMailbox([buildErpContact(), buildErpContact({ id: 'C-2' })]);
    fakes.outlook.editInOutlook(ourCopy(fakes).id, { mobilePhone: '+34 699 000 000' });
    fakes.outlook.editInOutlook(ourCopy(fakes, 'C-2').id, { mobilePhone: '+34 699 000 002' });
    fakes.erp.failWith = (erpId) => (erpId === 'C-1001' ? new ErpError('invalid_input', 'the ERP refuses this mobile phone') : undefined);
    const { result } = await fakes.run(secondRun, { direction: 'two-way' });
    expect(result.failures.map(({ operation, erpId }) => `${operation} ${erpId}`)).toEqual(['updateInErp C-1001']);
    // The record's link is not saved: it keeps the old snapshot, so the next run merges again.
    expect(result.skipped).toBe(1);
    expect(fakes.erp.contact('C-2')?.mobilePhone).toBe('+34 699 000 002');

    fakes.erp.failWith = () => undefined;
    await fakes.run(thirdRun, { direction: 'two-way' });
    expect(fakes.erp.contact('C-1001')?.mobilePhone).toBe('+34 699 000 000');
    expect((await fakes.run(fourthRun, { direction: 'two-way' })).plan.operations).toEqual([]);
  });
});

describe('planContactChanges: determinism', () => {
  it('gives the same plan for the same input, sorted by ERP id then step', () => {
    const input = {
      environment: 'acme',
      erpContacts: [buildErpContact({ id: 'B', mobilePhone: 'new' }), buildErpContact({ id: 'A' })],
      outlookContacts: [buildOutlookContact({ id: 'o-b', tag: 'acme:B' }), buildOutlookContact({ id: 'o-b2', tag: 'acme:B' })],
      links: [buildContactLink({ erpId: 'B', outlookId: 'o-b' })],
      settings: { direction: 'erp-to-outlook', policy: 'erp-wins' },
      now: secondRun,
    } as const;
    const one = planContactChanges({ ...input, newId: sequentialIds('c-') });
    const other = planContactChanges({ ...input, newId: sequentialIds('c-') });
    expect(one).toEqual(other);
    expect(kinds(one)).toEqual(['createInOutlook A', 'deduplicate B', 'updateInOutlook B', 'saveLink B']);
  });
});
