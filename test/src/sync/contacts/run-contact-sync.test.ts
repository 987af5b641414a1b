import { describe, expect, it } from 'vitest';
import { buildErpContact } from '../../../builders/build-erp-contact';
import { ContactSyncFakes } from '../../../fakes/contact-sync-fakes';

const firstRun = '2026-03-02T08:00:00.000Z';
const secondRun = '2026-03-02T08:05:00.000Z';
const thirdRun = '2026-03-02T08:10:00.000Z';

/** A mailbox of 40 ERP contacts after its first run of the production run. */
async function syncedMailbox() {
  const erpContacts = Array.from({ length: 40 }, (_, index) => buildErpContact({ id: `C-${1000 + index}`, givenName: `Ana ${index}`, emails: [`ana.${index}@cliente.test`] }));
  const fakes = new ContactSyncFakes({ now: firstRun, erpContacts });
  const first = await fakes.syncRun(firstRun, { direction: 'two-way' });
  expect(first).toMatchObject({ outcome: 'succeeded', quiet: false, failedOperations: 0 });
  expect(first.planned.createInOutlook).toBe(40);
  return fakes;
}

describe('runContactSync: the links it reads', () => {
  it('reads the mailbox’s links in one pass, and again only the snapshots of the records it plans', async () => {
    const fakes = await syncedMailbox();
    const [edited, other] = fakes.outlook.withTag('acme:C-1003').concat(fakes.outlook.withTag('acme:C-1017'));
    fakes.outlook.editInOutlook(edited?.id ?? '', { jobTitle: 'Jefa de compras' });
    fakes.outlook.editInOutlook(other?.id ?? '', { mobilePhone: '+34 600 000 017' });
    fakes.store.linkPasses = 0;

    const report = await fakes.syncRun(secondRun, { direction: 'two-way' });

    expect(report).toMatchObject({ outcome: 'succeeded', quiet: false, failedOperations: 0 });
    expect(fakes.erp.contact('C-1003')?.jobTitle).toBe('Jefa de compras');
    expect(fakes.erp.contact('C-1017')?.mobilePhone).toBe('+34 600 000 017');
    expect(fakes.store.linkPasses).toBe(1);
    expect(fakes.store.linksReadAgain).toBe(2);
  });

  it('stays quiet on a run with nothing new, after one pass over the links’ states and no snapshot', async () => {
    const fakes = await syncedMailbox();
    fakes.store.linkPasses = 0;
    fakes.store.linksReadAgain = 0;

    const report = await fakes.syncRun(secondRun, { direction: 'two-way' });

    expect(report).toMatchObject({ outcome: 'succeeded', quiet: true, applied: 0 });
    expect(fakes.store.linkPasses).toBe(1);
    expect(fakes.store.linksReadAgain).toBe(0);
  });

  it('leaves the fingerprint of the links as it wrote them, so the next run with nothing new is quiet', async () => {
    const fakes = await syncedMailbox();
    fakes.outlook.editInOutlook(fakes.outlook.withTag('acme:C-1005')[0]?.id ?? '', { jobTitle: 'Directora' });
    expect(await fakes.syncRun(secondRun, { direction: 'two-way' })).toMatchObject({ quiet: false, applied: 2 });

    expect(await fakes.syncRun(thirdRun, { direction: 'two-way' })).toMatchObject({ quiet: true });
  });

  it('plans again, reading the links whole, when a link changed under it since the last run', async () => {
    const fakes = await syncedMailbox();
    // The user restores a contact they had deleted: the add-in removes its suppressed link.
    await fakes.links.removeLink('C-1009');
    fakes.store.linkPasses = 0;

    const report = await fakes.syncRun(secondRun, { direction: 'two-way' });

    expect(report).toMatchObject({ outcome: 'succeeded', quiet: false });
    expect(fakes.store.linkPasses).toBe(2);
    expect(fakes.outlook.withTag('acme:C-1009')).toHaveLength(1);
  });
});
