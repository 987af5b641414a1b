import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ApiError } from '../http/api-error';
import type { ContactSyncPort } from '../http/contact-sync-port';
import type { Store, UserKey } from '../store/store';
import type { ContactSyncService } from './contact-sync-service';
import { cronForInterval } from './cron-for-interval';
import { holdRunJobLease } from './hold-run-job-lease';
import { mailboxKey } from './mailbox-key';
import { renewRunJobLease } from './renew-run-job-lease';
import { workRunQueue } from './work-run-queue';

/** One job a run of one mailbox; the queue lets one job of a mailbox be active at a time. */
const runQueue = 'contact-sync-run';
/** One job a pass of the schedule over the mailboxes. */
const passQueue = 'contact-sync-pass';
/** Times one run's job is taken over from a bridge that stopped renewing it: a mailbox whose run kills its bridge stops there. */
const takeoversPerRun = 2;

const runJobSchema = z.object({
  environment: z.string(),
  user: z.object({ tenantId: z.string(), objectId: z.string() }),
  runId: z.uuid(),
  confirmRemovals: z.boolean(),
});

export interface PgBossContactSyncOptions {
  /** The PostgreSQL store's URL: the queue lives in its `pgboss` schema. */
  connectionString: string;
  store: Store;
  logger: Logger;
  /** Minutes between two passes of the schedule; 0 turns it off. */
  intervalMinutes: number;
  /** Runs this bridge carries out at once. */
  maxConcurrentRuns: number;
  /**
   * The most one run keeps its mailbox: past it, its bridge stops renewing the run's lease and
   * another bridge may take the mailbox over. Longer than the longest run (a first sync of a large mailbox).
   */
  runExpiryMinutes: number;
  /**
   * A run's job expires this long after its bridge last renewed it (every third of it), and another
   * bridge takes the mailbox over: a killed bridge's mailboxes resume within about 1⅓ of it (45 s by default).
   */
  runLeaseSeconds?: number;
  /** How often an idle worker asks the queue for a job (pg-boss's default: 2 s). */
  pollingIntervalSeconds?: number;
  now?: () => Date;
}

/** The contact sync API of a bridge whose runs go through the shared job queue. */
export interface PgBossContactSync extends ContactSyncPort {
  /** Queues a run of every due mailbox that has none queued or going (the schedule's pass); resolves with their run ids. */
  queueDueMailboxes(): Promise<string[]>;
  /** Runs queued by any bridge that wait for a worker (`/metrics`). */
  queueDepth(): Promise<number>;
  /** Takes no more jobs, waits for this bridge's runs in flight, then lets go of the queue. */
  stop(): Promise<void>;
}

type QueueingService = Pick<ContactSyncService, 'preview' | 'runNow' | 'waitForRun' | 'queueRun' | 'dueMailboxes'>;

/**
 * The `pg-boss` jobs engine (DESIGN §6): bridges that share a PostgreSQL store share one queue.
 * "Sync now" and the schedule queue one job a run, keyed by mailbox in a `singleton` queue, so
 * PostgreSQL lets one job of a mailbox be active at a time across every bridge; any bridge's
 * workers carry the jobs out, at most `maxConcurrentRuns` at once each. A bridge renews the lease
 * of each job it carries out (`runLeaseSeconds`); the job of a bridge that died expires and another
 * bridge takes the mailbox over, resuming from what the run saved (links, write intents). The
 * schedule is pg-boss's cron, kept in the database: one pass a tick, whichever bridges run.
 *
 * @example
 * const jobs = await startPgBossContactSync(contactSync, { connectionString, store, logger, intervalMinutes: 5, maxConcurrentRuns: 4 });
 * const { runId } = await jobs.runNow('contoso', user, {}); // the run's record says `queued`
 * await jobs.stop();
 */
export async function startPgBossContactSync(service: QueueingService, options: PgBossContactSyncOptions): Promise<PgBossContactSync> {
  const { store, logger } = options;
  const now = options.now ?? (() => new Date());
  // The queue's own pool, closed by `stop` only once every job it handed over is completed.
  const pool = new pg.Pool({ connectionString: options.connectionString, application_name: 'erp-bridge-jobs' });
  pool.on('error', (error) => logger.warn({ err: error }, 'contact sync job queue connection lost'));
  const leaseSeconds = options.runLeaseSeconds ?? 45;
  // Maintenance expires the jobs whose lease ran out: as often as a lease is renewed.
  const maintenanceIntervalSeconds = Math.max(1, Math.round(leaseSeconds / 3));
  const boss = new PgBoss({ db: { executeSql: (text, values) => pool.query(text, values) }, maintenanceIntervalSeconds });
  boss.on('error', (error) => logger.error({ err: error }, 'contact sync job queue error'));
  const handling = new Set<Promise<void>>();
  const tracked = (work: Promise<void>) => {
    handling.add(work);
    return work.finally(() => handling.delete(work));
  };

  // Bridges starting together on a new database may deadlock creating a queue: one wins, the others find it made.
  async function createQueueOnce(name: string, queue: Omit<PgBoss.Queue, 'name'>): Promise<void> {
    for (let attempt = 1; !(await boss.getQueue(name)); attempt += 1) {
      try {
        await boss.createQueue(name, { name, ...queue });
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  /** The mailbox's queued or going run, if its job is still waiting or active somewhere. */
  async function liveRunOf(user: UserKey): Promise<string | undefined> {
    for (const run of await store.runs.listForUser(user, 20)) {
      if (run.kind !== 'contacts' || (run.status !== 'queued' && run.status !== 'running') || !z.uuid().safeParse(run.id).success) continue;
      const job = await boss.getJobById(runQueue, run.id);
      if (job?.state === 'created' || job?.state === 'retry' || job?.state === 'active') return run.id;
    }
    return undefined;
  }

  // A mailbox with a run waiting or going gets no second job: a job queued behind an active one of
  // the same mailbox would hold up the queue's other jobs until that run ends.
  async function queueRun(environment: string, user: UserKey, confirmRemovals: boolean): Promise<string> {
    const live = await liveRunOf(user);
    if (live) return live;
    const runId = randomUUID();
    await service.queueRun(environment, user, runId);
    try {
      await boss.send(runQueue, { environment, user, runId, confirmRemovals }, { id: runId, singletonKey: mailboxKey(user) });
    } catch (error) {
      await recordFailure(user, runId, error);
      throw error;
    }
    return runId;
  }

  /** A queued run that will never run says why in its record. */
  async function recordFailure(user: UserKey, runId: string, error: unknown): Promise<void> {
    const at = now().toISOString();
    const failure = { code: error instanceof ApiError ? error.code : 'unavailable', message: error instanceof Error ? error.message : String(error) };
    await store.runs.update(user, runId, { status: 'failed', stage: 'failed', finishedAt: at, report: { outcome: 'failed', startedAt: at, finishedAt: at, failure } });
  }

  async function carryOut(job: z.infer<typeof runJobSchema>): Promise<void> {
    const { environment, user, runId, confirmRemovals } = job;
    try {
      await service.waitForRun((await service.runNow(environment, user, { confirmRemovals, runId })).runId);
    } catch (error) {
      // The run did not start (sync turned off since it was queued) or could not be recorded.
      await recordFailure(user, runId, error);
      logger.warn({ err: error, runId, environment, user: user.objectId }, 'queued contact sync run did not run');
    }
  }

  /** Carries a fetched run job out under a lease, and completes it unless it was taken over meanwhile. */
  async function carryOutLeased(job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
    const parsed = runJobSchema.safeParse(job.data);
    if (!parsed.success) {
      logger.error({ err: parsed.error, jobId: job.id }, 'contact sync run job unreadable: failed');
      await boss.fail(runQueue, job.id, { message: 'unreadable run job' }).catch((error: unknown) => logger.warn({ err: error, jobId: job.id }, 'contact sync run job could not be failed'));
      return;
    }
    const { runId, environment, user } = parsed.data;
    const jobLogger = logger.child({ runId, environment, user: user.objectId, takeover: job.retryCount });
    if (job.retryCount > 0) jobLogger.info('contact sync run taken over from a bridge that stopped renewing it');
    const hold = { queue: runQueue, id: job.id, retryCount: job.retryCount };
    const lease = holdRunJobLease(() => renewRunJobLease(pool, hold, leaseSeconds), {
      leaseSeconds,
      maxHoldMs: options.runExpiryMinutes * 60_000,
      onLost: (reason) => jobLogger.error({ reason }, 'contact sync run lost its lease: another bridge may run the mailbox now'),
      onError: (error) => jobLogger.warn({ err: error }, 'contact sync run lease not renewed'),
    });
    try {
      await carryOut(parsed.data);
    } finally {
      // A job another bridge holds now is theirs to complete.
      if (await lease.release()) await boss.complete(runQueue, job.id).catch((error: unknown) => jobLogger.warn({ err: error }, 'contact sync run job not completed: it will expire and run again'));
    }
  }

  async function queueDueMailboxes(): Promise<string[]> {
    const runIds: string[] = [];
    for (const { environment, user } of await service.dueMailboxes()) {
      try {
        runIds.push(await queueRun(environment, user, false));
      } catch (error) {
        logger.warn({ err: error, environment, user: user.objectId }, 'mailbox skipped by the contact sync schedule');
      }
    }
    return runIds;
  }

  const polling = options.pollingIntervalSeconds === undefined ? {} : { pollingIntervalSeconds: options.pollingIntervalSeconds };
  await boss.start();
  try {
    const runQueueOptions = { policy: 'singleton', retryLimit: takeoversPerRun, retryDelay: 0, expireInSeconds: leaseSeconds } as const;
    await createQueueOnce(runQueue, runQueueOptions);
    // A queue made by an earlier start keeps its options until told: the configured lease applies from now on.
    await boss.updateQueue(runQueue, { name: runQueue, ...runQueueOptions });
    // `stately`: at most one pass queued and one going. A pass whose bridge died would hold the next
    // ones back until it expires: soon, since a pass only queues runs, and queueing twice is harmless
    // (a mailbox with a live job gets no second one).
    const passQueueOptions = { policy: 'stately', retryLimit: 0, expireInSeconds: Math.max(60, leaseSeconds * 2) } as const;
    await createQueueOnce(passQueue, passQueueOptions);
    await boss.updateQueue(passQueue, { name: passQueue, ...passQueueOptions });
    await boss.work(passQueue, polling, () =>
      tracked(queueDueMailboxes().then((runIds) => logger.debug({ runs: runIds.length }, 'contact sync pass queued its runs'))),
    );
    if (options.intervalMinutes > 0) await boss.schedule(passQueue, cronForInterval(options.intervalMinutes), {}, { tz: 'UTC' });
    else await boss.unschedule(passQueue);
  } catch (error) {
    await boss.stop({ graceful: false });
    await pool.end();
    throw error;
  }
  // One worker a concurrent run: a worker fetching several jobs at once would wait for the slowest before the next.
  const runWorkers = workRunQueue(boss, runQueue, {
    workers: options.maxConcurrentRuns,
    pollingIntervalMs: (options.pollingIntervalSeconds ?? 2) * 1000,
    carryOut: (job) => tracked(carryOutLeased(job)),
    onError: (error) => logger.error({ err: error }, 'contact sync job queue error'),
  });

  let stopping: Promise<void> | undefined;
  return {
    preview: (environment, user) => service.preview(environment, user),
    async runNow(environment, user, runOptions) {
      return { runId: await queueRun(environment, user, runOptions.confirmRemovals ?? false) };
    },
    queueDueMailboxes,
    queueDepth: () => boss.getQueueSize(runQueue),
    stop() {
      stopping ??= (async () => {
        // Graceful: workers fetch nothing more, and the queue closes once the runs in flight have ended.
        await runWorkers.stop();
        await boss.stop({ graceful: true, wait: true, timeout: options.runExpiryMinutes * 60_000 });
        // pg-boss does not wait for a fetch in flight as it stopped: the run it hands over still runs, and its job is completed.
        while (handling.size > 0 || pool.totalCount > pool.idleCount || pool.waitingCount > 0) {
          await Promise.allSettled([...handling, delay(50)]);
        }
        await pool.end();
      })();
      return stopping;
    },
  };
}
