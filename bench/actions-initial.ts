import { erpIdPropertyId } from '../src/graph/erp-id-property';
import type { ActionInput } from '../src/domain/erp-records';
import { runEventCollection } from '../server/jobs/run-event-collection';
import { runTaskCollection } from '../server/jobs/run-task-collection';
import { admissibleRequests } from './admissible-requests';
import { createSdkClient } from './create-sdk-client';
import { report } from './measure';
import { scaledThrottling } from './scaled-throttling';
import { benchUser, startContactBench, type ContactBench } from './start-contact-bench';

const events = Number(process.env.BENCH_EVENTS ?? 2_500);
const tasks = Number(process.env.BENCH_TASKS ?? 2_500);
const contacts = Number(process.env.BENCH_CONTACTS ?? 5_000);
/** Sequential single requests are slow by design: the baseline writes this many events and as many tasks. */
const baselineItems = Number(process.env.BENCH_BASELINE_ITEMS ?? 150);
const { requestsPerWindow, windowMs, latencyMs, concurrentRequests } = scaledThrottling;
const todoListName = 'ERP';
const owner = { email: 'amelie.dubois@fabrikamfrance.onmicrosoft.com', displayName: 'Amélie Dubois' };

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Timed actions over the next 300 days (inside the calendar window), then untimed ones with a due date. */
async function addActions(bench: ContactBench, ownerId: string) {
  const base = Date.UTC(2027, 0, 4, 8, 0, 0);
  const clerk = { email: 'bench@example.test' };
  const common = { allDay: false, timeZone: 'Europe/Paris', status: 'planned', private: false, ownerId } as const;
  const start = Date.now() + 86_400_000;
  for (let index = 0; index < events; index++) {
    const at = start + (index % 300) * 86_400_000 + (index % 9) * 3_600_000;
    const input: ActionInput = { ...common, type: 'visit', subject: `Visite ${index} — Érable`, start: new Date(at).toISOString(), end: new Date(at + 3_600_000).toISOString() };
    await bench.erp.createAction(input, clerk);
  }
  for (let index = 0; index < tasks; index++) {
    await bench.erp.createAction({ ...common, type: 'call', subject: `Rappeler ${index}`, dueDate: new Date(base + (index % 300) * 86_400_000).toISOString().slice(0, 10) }, clerk);
  }
}

/** Amélie's mailbox with `contactCount` ERP contacts and the actions above, her actions turned on (contacts too when `withContacts`). */
async function startActionBench(contactCount: number, withContacts: boolean) {
  const bench = await startContactBench({ contacts: contactCount, requestBudget: { requests: requestsPerWindow, windowMs }, actionCollections: { events: runEventCollection, tasks: runTaskCollection }, salespeople: [owner] });
  const ownerId = (await bench.erp.findUserByEmail(owner.email))?.id;
  if (ownerId === undefined) throw new Error('Amélie is no ERP user');
  await addActions(bench, ownerId);
  const settings = await bench.store.settings.get(benchUser);
  if (!settings) throw new Error('no settings');
  await bench.store.settings.put(benchUser, { ...settings, contacts: withContacts ? 'erp-to-outlook' : 'off', actionsEnabled: true, events: 'erp-to-outlook', tasks: 'erp-to-outlook', todoListName }, new Date().toISOString());
  const admin = bench.m365.graph.admin;
  admin.setThrottling({ concurrentRequests, requestsPerWindow, windowMs, fractionalRetryAfter: true });
  admin.setLatencyMs(latencyMs);
  return bench;
}

/** One first run, measured: writes against what the throttling admits, 429s, and the items each collection holds once. */
async function measureFirstRun(bench: ContactBench) {
  const admin = bench.m365.graph.admin;
  admin.resetCounters();
  const started = performance.now();
  const run = await bench.run();
  const seconds = (performance.now() - started) / 1000;
  const mailbox = admin.counters().mailboxes[benchUser.objectId];
  const snapshot = admin.readMailbox(benchUser.objectId);
  const eventTags = snapshot.events.flatMap((event) => event.singleValueExtendedProperties?.filter((property) => property.id === erpIdPropertyId).map((property) => property.value) ?? []);
  const list = snapshot.todoLists.find((candidate) => candidate.displayName === todoListName);
  const taskTags = snapshot.tasks.filter((task) => task.listId === list?.id).flatMap((task) => task.linkedResources?.map((resource) => resource.externalId ?? '') ?? []);
  const folderTags = snapshot.contacts.filter((contact) => contact.parentFolderId === bench.folderId).flatMap((contact) => contact.singleValueExtendedProperties?.map((property) => property.value) ?? []);
  const writes = mailbox?.writes ?? 0;
  const admissible = admissibleRequests({ runMs: seconds * 1000, requestsPerWindow, windowMs, concurrentRequests, latencyMs });
  const duplicates = [eventTags, taskTags, folderTags].reduce((sum, tags) => sum + tags.length - new Set(tags).size, 0);
  return { run, seconds, writes, requests: mailbox?.requests ?? 0, throttled: mailbox?.throttled ?? 0, admissible, ratio: writes / admissible, events: new Set(eventTags).size, tasks: new Set(taskTags).size, contacts: new Set(folderTags).size, duplicates, listId: list?.id ?? '' };
}

/** The naive client: one SDK request per event, then per task, in sequence, with the SDK's default retries. */
async function runBaseline(bench: ContactBench, listId: string) {
  const sdk = createSdkClient(bench);
  const admin = bench.m365.graph.admin;
  admin.resetCounters();
  const started = performance.now();
  const at = Date.now() + 400 * 86_400_000;
  for (let index = 0; index < baselineItems; index++) {
    const start = new Date(at + index * 3_600_000).toISOString().slice(0, 19);
    const end = new Date(at + index * 3_600_000 + 1_800_000).toISOString().slice(0, 19);
    await sdk.api(`/users/${benchUser.objectId}/events`).post({
      subject: `Baseline ${index}`, start: { dateTime: start, timeZone: 'UTC' }, end: { dateTime: end, timeZone: 'UTC' }, categories: ['ERP'],
      singleValueExtendedProperties: [{ id: erpIdPropertyId, value: `baseline:${index}` }],
    });
  }
  for (let index = 0; index < baselineItems; index++) {
    await sdk.api(`/users/${benchUser.objectId}/todo/lists/${listId}/tasks`).post({ title: `Baseline ${index}`, linkedResources: [{ applicationName: 'Baseline', externalId: `baseline:${index}` }] });
  }
  const seconds = (performance.now() - started) / 1000;
  const mailbox = admin.counters().mailboxes[benchUser.objectId];
  return { seconds, writes: mailbox?.writes ?? 0, throttled: mailbox?.throttled ?? 0 };
}

/**
 * First action sync of one mailbox under scaled Graph throttling: 2,500 events and 2,500 To Do
 * tasks; then, in a fresh mailbox, 5,000 contacts and 5,000 actions together, and a run with no
 * change. In the first part's process, a naive client (one request per item) for comparison.
 */
export async function benchActionsInitial() {
  const ceiling = requestsPerWindow / (windowMs / 1000);
  const actionsOnly = await startActionBench(0, false);
  const first = await measureFirstRun(actionsOnly);
  // The baseline starts, as the run did, with a whole window to spend.
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const baseline = await runBaseline(actionsOnly, first.listId);
  await actionsOnly.close();

  const together = await startActionBench(contacts, true);
  const both = await measureFirstRun(together);
  const admin = together.m365.graph.admin;
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  admin.resetCounters();
  const quiet = await together.run();
  const quietRequests = admin.counters().requests;
  const quietWrites = admin.counters().mailboxes[benchUser.objectId]?.writes ?? 0;
  await together.close();

  const oursPerSecond = first.writes / first.seconds;
  const baselinePerSecond = baseline.writes / baseline.seconds;
  report({
    name:
      `actions-initial: first sync of ${events.toLocaleString('en')} ERP events and ${tasks.toLocaleString('en')} tasks, then ${contacts.toLocaleString('en')} contacts + ${(events + tasks).toLocaleString('en')} actions together; ` +
      `Graph emulator throttled to ${requestsPerWindow} requests per ${windowMs / 1000} s and ${concurrentRequests} at once per mailbox, ${latencyMs} ms per request; ` +
      `baseline: official SDK, one request per item in sequence (${baselineItems} events, ${baselineItems} tasks)`,
    figures: {
      'ceiling (requests/s)': ceiling,
      'actions: run (s)': round(first.seconds, 1),
      'actions: Graph writes': first.writes,
      'actions: writes ÷ most admissible': round(first.ratio, 3),
      'actions: 429 answers': first.throttled,
      'actions: events / tasks in Outlook': `${first.events} / ${first.tasks}`,
      'actions: duplicates': first.duplicates,
      'actions: run status': first.run.status,
      'baseline: writes/s': round(baselinePerSecond),
      'baseline: 429 answers': baseline.throttled,
      'ours ÷ baseline (writes/s)': round(oursPerSecond / baselinePerSecond, 2),
      'together: run (s)': round(both.seconds, 1),
      'together: Graph writes': both.writes,
      'together: writes ÷ most admissible': round(both.ratio, 3),
      'together: 429 answers': both.throttled,
      'together: contacts / events / tasks in Outlook': `${both.contacts} / ${both.events} / ${both.tasks}`,
      'together: duplicates': both.duplicates,
      'together: run status': both.run.status,
      'no change: Graph requests (3 collections)': quietRequests,
      'no change: quiet run': String(quiet.report.quiet),
      'no change: collections quiet (events, tasks)': [quiet.report.collections.events?.quiet, quiet.report.collections.tasks?.quiet].map(String).join(', '),
      'no change: Graph writes': quietWrites,
    },
    targets: [
      { name: 'actions: writes ≥ 0.9 of what the throttling admits', value: round(first.ratio, 3), limit: 0.9, met: first.ratio >= 0.9 },
      { name: 'together: writes ≥ 0.9 of what the throttling admits', value: round(both.ratio, 3), limit: 0.9, met: both.ratio >= 0.9 },
      { name: 'ours ≥ 2.5 × the naive client', value: round(oursPerSecond / baselinePerSecond, 2), limit: 2.5, met: oursPerSecond >= 2.5 * baselinePerSecond },
      { name: '0 × 429', value: first.throttled + both.throttled, limit: 0, met: first.throttled + both.throttled === 0 },
      { name: '0 duplicates, every item synced', value: first.duplicates + both.duplicates, limit: 0, met: first.duplicates + both.duplicates === 0 && first.events === events && first.tasks === tasks && both.contacts === contacts && both.events === events && both.tasks === tasks },
      { name: 'a run with no change sends one request per collection and writes nothing', value: quietRequests, limit: 3, met: quietRequests === 3 && quietWrites === 0 },
    ],
  });
}
