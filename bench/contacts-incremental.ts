import { report } from './measure';
import { benchUser, startContactBench } from './start-contact-bench';

const contacts = Number(process.env.BENCH_CONTACTS ?? 5_000);

/**
 * After a first sync of 5,000 contacts, a run with no change on either side must send exactly one
 * Graph request (the folder's delta) and write nothing; the process exits non-zero otherwise. For
 * scale, a run after one ERP edit follows.
 */
export async function benchContactsIncremental() {
  const bench = await startContactBench({ contacts });
  const admin = bench.m365.graph.admin;
  const first = await bench.run();
  if (first.status !== 'succeeded') throw new Error(`the first sync ${first.status}`);
  const before = admin.readMailbox(benchUser.objectId).contacts.map((contact) => contact.changeKey);

  admin.resetCounters();
  const started = performance.now();
  const quiet = await bench.run();
  const quietMs = performance.now() - started;
  const counters = admin.counters();
  const after = admin.readMailbox(benchUser.objectId).contacts.map((contact) => contact.changeKey);
  const unchanged = before.length === after.length && before.every((changeKey, index) => changeKey === after[index]);

  const [record] = (await bench.erp.searchContacts({ limit: 1 })).items;
  if (!record) throw new Error('no ERP contact');
  await bench.erp.updateContact(record.id, { jobTitle: 'Responsable de compras', version: record.version }, { email: 'bench@example.test' });
  admin.resetCounters();
  const editStarted = performance.now();
  const edited = await bench.run();
  const editMs = performance.now() - editStarted;
  const editCounters = admin.counters();

  // Counted by the emulator: every /v1.0 request (a $batch and each of its items), and per mailbox the admitted requests and writes.
  const requests = counters.requests;
  const mailbox = counters.mailboxes[benchUser.objectId];
  const writes = mailbox?.writes ?? 0;
  const editMailbox = editCounters.mailboxes[benchUser.objectId];
  report({
    name: `contacts-incremental: runs after a first sync of ${contacts.toLocaleString('en')} contacts (counts from the Graph emulator's counters)`,
    figures: {
      contacts,
      'no change: Graph requests': requests,
      'no change: mailbox requests': mailbox?.requests ?? 0,
      'no change: mailbox writes': writes,
      'no change: $batch requests': counters.batches,
      'no change: operations applied': quiet.report.applied,
      'no change: quiet run': String(quiet.report.quiet),
      'no change: folder unchanged': String(unchanged),
      'no change: run (ms)': Math.round(quietMs),
      'one ERP edit: Graph requests': editCounters.requests,
      'one ERP edit: mailbox writes': editMailbox?.writes ?? 0,
      'one ERP edit: run (ms)': Math.round(editMs),
    },
    targets: [
      { name: 'a run with no change sends exactly 1 Graph request (the folder delta)', value: requests, limit: 1, met: requests === 1 && mailbox?.requests === 1 },
      { name: 'a run with no change writes nothing', value: writes + counters.batches + quiet.report.applied, limit: 0, met: writes === 0 && counters.batches === 0 && quiet.report.applied === 0 && unchanged },
      { name: 'one ERP edit writes exactly 1 contact', value: editMailbox?.writes ?? 0, limit: 1, met: editMailbox?.writes === 1 && edited.status === 'succeeded' },
    ],
  });
  await bench.close();
}
