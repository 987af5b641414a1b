/**
 * A bridge process that syncs a mailbox (contacts, then events, then tasks), for the chaos test to SIGKILL at random points: the
 * real service over a SQLite store file, a demo ERP file and the local Microsoft 365 over HTTPS.
 * It reads its settings from CHAOS_WORKER (JSON) and answers `{ type: 'run' }` messages with the
 * finished run.
 */
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { createTrustingFetch } from '../../../server/auth/create-trusting-fetch';
import { createTrustingNetworkClient } from '../../../server/auth/create-trusting-network-client';
import { parseConfig } from '../../../server/config/load-config';
import { openDemoErp } from '../../../server/erp/demo/open-demo-erp';
import { createContactSyncService } from '../../../server/jobs/create-contact-sync-service';
import { createGraphAccess } from '../../../server/jobs/create-graph-access';
import { runEventCollection } from '../../../server/jobs/run-event-collection';
import { runTaskCollection } from '../../../server/jobs/run-task-collection';
import { openStore } from '../../../server/store/open-store';
import { chaosWorkerSettingsSchema, type ChaosWorkerMessage } from './chaos-worker-settings';

const settings = chaosWorkerSettingsSchema.parse(JSON.parse(process.env.CHAOS_WORKER ?? '{}'));
const certificate = readFileSync(settings.certificateFile, 'utf8');
const config = parseConfig({
  environments: [{ environment: settings.environment, tenantId: settings.tenantId, applicationId: settings.applicationId, mode: 'app-only', erp: { adapter: 'demo', file: settings.erpFile } }],
  identity: { authority: settings.authority },
});
const store = await openStore(`sqlite:${settings.storeFile}`);
const erp = await openDemoErp({ file: settings.erpFile });
const graphAccess = createGraphAccess({
  environments: config.environments,
  secrets: new Map([[settings.environment, settings.clientSecret]]),
  authority: settings.authority,
  graphBaseUrl: settings.graphBaseUrl,
  store,
  networkClient: createTrustingNetworkClient(certificate),
  graphFetch: createTrustingFetch(certificate),
  // Chaos answers fast and often: short backoffs keep the test bounded; a slow answer counts as lost.
  clientOptions: { backoff: { baseDelayMs: 20, maxDelayMs: 200 }, requestTimeoutMs: settings.requestTimeoutMs },
});
const environment = config.environments[0];
if (!environment) throw new Error('no environment');
const service = createContactSyncService({ store, environments: new Map([[settings.environment, { config: environment, erp }]]), graphAccess, logger: pino({ level: 'silent' }),
  actionCollections: { events: runEventCollection, tasks: runTaskCollection },
});
const user = { tenantId: settings.tenantId, objectId: settings.objectId };

const send = (message: ChaosWorkerMessage) => process.send?.(message);

process.on('message', async () => {
  const { runId } = await service.runNow(settings.environment, user);
  const run = await service.waitForRun(runId);
  const { report } = run;
  const parts = report.collections ?? {};
  const collections = Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, { outcome: part.outcome, applied: Object.values(part.applied).reduce((sum, count) => sum + count, 0), failedOperations: part.failedOperations }]));
  const all = Object.values(collections);
  send({
    type: 'finished', runId, status: run.status, quiet: report.quiet, adopted: report.planned.adopt, collections,
    failedOperations: report.failedOperations + all.reduce((sum, part) => sum + part.failedOperations, 0),
    applied: report.applied + all.reduce((sum, part) => sum + part.applied, 0),
  });
});
send({ type: 'ready' });
