import graphSdk from '@microsoft/microsoft-graph-client';
import { randomUUID } from 'node:crypto';
import { folderContactsPath } from '../src/graph/contacts/contact-paths';
import { erpIdPropertyId } from '../src/graph/erp-id-property';
import { toGraphContact } from '../src/graph/contacts/to-graph-contact';
import { parseGraphError } from '../src/graph/parse-graph-error';
import { SyncError } from '../src/sync/sync-error';
import { createErpContactSource } from '../server/jobs/create-erp-contact-source';
import { createStoreContactSync } from '../server/jobs/create-store-contact-sync';
import { createGraphContactFolder } from '../src/graph/contacts/create-graph-contact-folder';
import type { OutlookContactFolder, OutlookWrite, OutlookWriteAnswer } from '../src/sync/contacts/outlook-contact-folder';
import { runContactSync } from '../src/sync/contacts/run-contact-sync';
import { openStore } from '../server/store/open-store';
import { admissibleRequests } from './admissible-requests';
import { createSdkClient } from './create-sdk-client';
import { report } from './measure';
import { scaledThrottling } from './scaled-throttling';
import { benchEnvironment, benchUser, startContactBench, type ContactBench } from './start-contact-bench';

const contacts = Number(process.env.BENCH_CONTACTS ?? 5_000);
/** Sequential single requests are slow by design: the baseline syncs the first contacts of the ERP only. */
const baselineContacts = Number(process.env.BENCH_BASELINE_CONTACTS ?? 500);
const { requestsPerWindow, windowMs, latencyMs, concurrentRequests } = scaledThrottling;

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The SDK's failure as the run reports it. */
function toSyncError(error: unknown): SyncError {
  if (error instanceof graphSdk.GraphError) return parseGraphError(error.statusCode, { error: { code: error.code ?? '', message: error.message } }, error.headers);
  return error instanceof Error ? parseGraphError(error) : new SyncError('unavailable', String(error));
}

/**
 * The naive way to write a first sync: one SDK request per contact, one after the other, each
 * with the SDK's default retry (3 retries, honouring Retry-After). Creates only: a first sync has nothing else.
 */
function naiveWrites(bench: ContactBench, folderId: string): OutlookContactFolder['write'] {
  const sdk = createSdkClient(bench);
  const path = folderContactsPath(benchUser.objectId, folderId);
  return async (writes: readonly OutlookWrite[]) => {
    const answers: OutlookWriteAnswer[] = [];
    for (const write of writes) {
      if (write.kind !== 'create') {
        answers.push({ ok: false, error: new SyncError('invalid_input', `the baseline sends creates only, not a ${write.kind}`) });
        continue;
      }
      try {
        const created = (await sdk.api(path).header('Prefer', 'IdType="ImmutableId"').post({
          ...toGraphContact(write.fields),
          singleValueExtendedProperties: [{ id: erpIdPropertyId, value: write.tag }],
        })) as { id?: string; changeKey?: string };
        answers.push({ ok: true, ...(created.id === undefined ? {} : { id: created.id }), ...(created.changeKey === undefined ? {} : { changeKey: created.changeKey }) });
      } catch (error) {
        answers.push({ ok: false, error: toSyncError(error) });
      }
    }
    return answers;
  };
}

/**
 * The baseline through the product's run (`runContactSync`: change feed, delta, listings, plan,
 * apply, store), with its own store and folder, the first `baselineContacts` ERP contacts in
 * scope, and the folder's writes sent the naive way.
 */
async function runBaseline(bench: ContactBench, folderId: string) {
  const store = await openStore('sqlite::memory:');
  const email = 'amelie.dubois@fabrikamfrance.onmicrosoft.com';
  await store.users.upsert({ ...benchUser, environment: benchEnvironment, email, displayName: 'Amélie Dubois' }, new Date().toISOString());
  const erp = createErpContactSource(bench.erp, { email }, {});
  const folder = { ...createGraphContactFolder(bench.client, benchUser.objectId, folderId), write: naiveWrites(bench, folderId) };
  const admin = bench.m365.graph.admin;
  admin.resetCounters();
  const started = performance.now();
  const run = await runContactSync(
    { environment: benchEnvironment, folderId, direction: 'erp-to-outlook', policy: 'erp-wins', folderChange: 'move' },
    { confirmedRemovals: [] },
    {
      store: createStoreContactSync(store, benchUser, () => new Date()), folder, folderFor: () => folder, now: () => new Date(), newId: randomUUID, fullListingEveryMs: 24 * 60 * 60_000, onState: async () => undefined,
      erp: { ...erp, listContactsInScope: async () => (await erp.listContactsInScope()).slice(0, baselineContacts) },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const mailbox = admin.counters().mailboxes[benchUser.objectId];
  await store.close();
  return { run, seconds, writes: mailbox?.writes ?? 0, requests: mailbox?.requests ?? 0, throttled: mailbox?.throttled ?? 0 };
}

/**
 * First sync of 5,000 ERP contacts into an empty folder under scaled Graph throttling, through the
 * contact sync service: Graph writes per second against the ceiling; in the same process, the naive
 * baseline (the official SDK, one create per contact in sequence) under the same emulator settings.
 */
export async function benchContactsInitial() {
  const bench = await startContactBench({ contacts, requestBudget: { requests: requestsPerWindow, windowMs } });
  const admin = bench.m365.graph.admin;
  const baselineFolder = await bench.newFolder('Baseline');
  admin.setThrottling({ concurrentRequests, requestsPerWindow, windowMs, fractionalRetryAfter: true });
  admin.setLatencyMs(latencyMs);
  const ceiling = requestsPerWindow / (windowMs / 1000);

  admin.resetCounters();
  const started = performance.now();
  const run = await bench.run();
  const seconds = (performance.now() - started) / 1000;
  const counters = admin.counters();
  const mailbox = counters.mailboxes[benchUser.objectId];
  const folder = admin.readMailbox(benchUser.objectId).contacts.filter((contact) => contact.parentFolderId === bench.folderId);
  const tags = folder.map((contact) => contact.singleValueExtendedProperties?.find((property) => property.id === erpIdPropertyId)?.value);
  const duplicates = tags.length - new Set(tags).size;
  const writes = mailbox?.writes ?? 0;
  const throttled = mailbox?.throttled ?? 0;
  const requests = mailbox?.requests ?? 0;
  const writesPerSecond = writes / seconds;
  const ratio = writesPerSecond / ceiling;
  const admissible = admissibleRequests({ runMs: seconds * 1000, requestsPerWindow, windowMs, concurrentRequests, latencyMs });
  const strictRatio = writes / admissible;
  // Looser: a full window at once, then `ceiling` per second, as if the first window could be sent in no time.
  const linearAdmissible = requestsPerWindow + ceiling * seconds;

  // The baseline starts, as the run did, with a whole window to spend.
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const baseline = await runBaseline(bench, baselineFolder);
  const baselinePerSecond = baseline.writes / baseline.seconds;
  const baselineRatio = baselinePerSecond / ceiling;

  const figures = {
    contacts,
    'ceiling (requests/s)': ceiling,
    'run (s)': round(seconds, 1),
    'Graph writes (emulator)': writes,
    'writes/s': round(writesPerSecond),
    'writes/s ÷ ceiling': round(ratio, 3),
    'most requests admissible in the run (full windows + partial window at 4 in flight)': Math.floor(admissible),
    'writes ÷ most admissible': round(strictRatio, 3),
    'looser bound (window + ceiling × run)': Math.floor(linearAdmissible),
    'writes ÷ looser bound': round(writes / linearAdmissible, 3),
    'mailbox requests (each $batch item counts)': requests,
    '$batch requests': counters.batches,
    '429 answers (they count against the budget)': throttled,
    'peak in flight': mailbox?.peakConcurrency ?? 0,
    'run status': run.status,
    'failed operations': run.report.failedOperations,
    'folder contacts': folder.length,
    duplicates,
    'baseline: contacts (first of the ERP)': Math.min(baselineContacts, contacts),
    'baseline: run (s)': round(baseline.seconds, 1),
    'baseline: Graph writes (emulator)': baseline.writes,
    'baseline: writes/s': round(baselinePerSecond),
    'baseline: writes/s ÷ ceiling': round(baselineRatio, 3),
    'baseline: run status': baseline.run.report.failure ? `${baseline.run.state.stage}: ${baseline.run.report.failure.message}` : baseline.run.state.stage,
    'baseline: failed operations': baseline.run.report.failedOperations,
    'baseline: 429 answers': baseline.throttled,
    'ours ÷ baseline (writes/s)': round(writesPerSecond / baselinePerSecond, 2),
  };
  report({
    name:
      `contacts-initial: first sync of ${contacts.toLocaleString('en')} ERP contacts; Graph emulator throttled to ${requestsPerWindow} requests per ${windowMs / 1000} s ` +
      `(sliding window, every $batch item and every 429 counted) and ${concurrentRequests} at once per mailbox, ${latencyMs} ms per request; ` +
      `baseline: official SDK, one request per contact in sequence, first ${Math.min(baselineContacts, contacts).toLocaleString('en')} contacts`,
    figures,
    targets: [
      { name: 'writes ≥ 0.9 of the most the throttling admits in the run', value: round(strictRatio, 3), limit: 0.9, met: strictRatio >= 0.9 },
      { name: '0 failures', value: run.report.failedOperations, limit: 0, met: run.report.failedOperations === 0 && run.status === 'succeeded' },
      { name: '0 duplicates, every contact synced', value: duplicates, limit: 0, met: duplicates === 0 && folder.length === contacts },
      { name: 'the baseline run succeeded', value: baseline.run.report.failedOperations, limit: 0, met: baseline.run.state.stage === 'done' && baseline.writes === Math.min(baselineContacts, contacts) },
      { name: '429 answers near 0 (≤ 1% of the mailbox requests)', value: throttled, limit: Math.floor(requests / 100), met: throttled <= requests / 100 },
      { name: 'every $batch item counted against the mailbox budget', value: requests, limit: writes, met: writes >= contacts && requests >= writes },
    ],
  });
  await bench.close();
}
