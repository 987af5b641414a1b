import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ErpErrorCode } from '../../src/domain/erp-port';
import { type SyncCollection, syncCollections } from '../../src/domain/sync-policy';
import type { GraphAnswer } from '../../src/graph/create-graph-client';
import { mailboxBudgetStates } from '../../src/graph/mailbox-budget-state';
import type { SyncErrorCode } from '../../src/sync/sync-error';

/** Where a sync write went. */
export type WrittenSide = 'outlook' | 'erp';
export type WriteOperation = 'create' | 'update' | 'remove';
/** How a run of one collection of a mailbox ended (`partial`: an action collection with item failures). */
export type RunResult = 'succeeded' | 'failed' | 'waiting_confirmation' | 'partial';
export type FailureCode = SyncErrorCode | ErpErrorCode;
/** How the bridge gets a Graph token: app-only, a stored delegated sign-in refreshed, or a user's bridge token exchanged. */
export type TokenGrant = 'client_credentials' | 'refresh_token' | 'on_behalf_of';

/**
 * The bridge's Prometheus metrics, in a registry of their own (never prom-client's global one, so
 * several bridges in one process, as tests run them, do not clash). Every label takes a value from a
 * fixed list: no user, mailbox, email or environment name ever becomes a label.
 */
export interface BridgeMetrics {
  readonly registry: Registry;
  /** One finished run of one collection of a mailbox; `failure` is the code that stopped it. */
  countRun(collection: SyncCollection, result: RunResult, failure?: FailureCode): void;
  /** Items a run wrote, on which side and how. */
  countWritten(collection: SyncCollection, side: WrittenSide, operation: WriteOperation, count?: number): void;
  /** One item that failed without stopping its run. */
  countItemFailure(collection: SyncCollection, code: FailureCode): void;
  /** The Graph client's observer (`GraphClientOptions.onAnswer`). */
  observeGraphAnswer(answer: GraphAnswer): void;
  /** A Graph token the bridge could not get. */
  countTokenFailure(grant: TokenGrant, code: SyncErrorCode): void;
  /** Seconds from a change notification's arrival to the end of the run that applied it. */
  observeNotificationLag(seconds: number): void;
  /** Where the queue depth is read on each scrape: the runs waiting to start. */
  watchQueueDepth(read: () => number | Promise<number>): void;
}

const runResults: readonly RunResult[] = ['succeeded', 'failed', 'waiting_confirmation', 'partial'];
const writes: readonly [WrittenSide, WriteOperation][] = [
  ['outlook', 'create'],
  ['outlook', 'update'],
  ['outlook', 'remove'],
  ['erp', 'create'],
  ['erp', 'update'],
];

/**
 * Creates the metrics and, with `defaultMetrics`, prom-client's process and Node.js metrics
 * (CPU, memory, event loop lag, GC) in the same registry.
 *
 * @example
 * const metrics = createBridgeMetrics({ defaultMetrics: true });
 * metrics.countRun('contacts', 'succeeded');
 * const text = await metrics.registry.metrics(); // the Prometheus text format
 */
export function createBridgeMetrics(options: { defaultMetrics?: boolean; onCollectFailure?: (error: unknown) => void } = {}): BridgeMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });

  const runs = new Counter({ name: 'erp_bridge_sync_runs_total', help: 'Sync runs finished, by collection and result.', labelNames: ['collection', 'result'] as const, registers });
  const written = new Counter({
    name: 'erp_bridge_sync_items_written_total',
    help: 'Items sync runs wrote, by collection, side (outlook, erp) and operation (create, update, remove).',
    labelNames: ['collection', 'side', 'operation'] as const,
    registers,
  });
  const failures = new Counter({
    name: 'erp_bridge_sync_failures_total',
    help: 'Sync failures by collection, scope (run: it stopped the run; item: one item failed) and error code.',
    labelNames: ['collection', 'scope', 'code'] as const,
    registers,
  });
  const graphRequests = new Counter({
    name: 'erp_bridge_graph_requests_total',
    help: "Requests sent to Microsoft Graph (each request of a $batch counts), by the mailbox's budget state when sent.",
    labelNames: ['budget_state'] as const,
    registers,
  });
  const graphThrottled = new Counter({
    name: 'erp_bridge_graph_throttled_total',
    help: "429 answers from Microsoft Graph ($batch items included), by the mailbox's budget state when the request was sent.",
    labelNames: ['budget_state'] as const,
    registers,
  });
  const tokenFailures = new Counter({
    name: 'erp_bridge_token_failures_total',
    help: 'Graph tokens the bridge could not get, by grant and error code.',
    labelNames: ['grant', 'code'] as const,
    registers,
  });
  const notificationLag = new Histogram({
    name: 'erp_bridge_notification_lag_seconds',
    help: 'Seconds from a change notification received to the run that applied it finished.',
    buckets: [0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30, 60, 300],
    registers,
  });
  let readQueueDepth: (() => number | Promise<number>) | undefined;
  new Gauge({
    name: 'erp_bridge_sync_queue_depth',
    help: 'Sync runs waiting to start (pg-boss: queued jobs of every bridge; in-process: mailboxes of the current pass not yet started).',
    registers,
    async collect() {
      if (!readQueueDepth) return;
      try {
        this.set(await readQueueDepth());
      } catch (error) {
        // NaN, Prometheus's "no figure", rather than a stale or a made-up one; the scrape still answers.
        this.set(Number.NaN);
        options.onCollectFailure?.(error);
      }
    },
  });

  // Every series of a fixed label set starts at 0, so rate() and increase() see its first change.
  for (const collection of syncCollections) {
    for (const result of runResults) runs.labels(collection, result).inc(0);
    for (const [side, operation] of writes) written.labels(collection, side, operation).inc(0);
  }
  for (const state of mailboxBudgetStates) {
    graphRequests.labels(state).inc(0);
    graphThrottled.labels(state).inc(0);
  }

  return {
    registry,
    countRun(collection, result, failure) {
      runs.labels(collection, result).inc();
      if (failure !== undefined) failures.labels(collection, 'run', failure).inc();
    },
    countWritten(collection, side, operation, count = 1) {
      if (count > 0) written.labels(collection, side, operation).inc(count);
    },
    countItemFailure(collection, code) {
      failures.labels(collection, 'item', code).inc();
    },
    observeGraphAnswer(answer) {
      graphRequests.labels(answer.budget).inc(answer.requests);
      if (answer.throttled > 0) graphThrottled.labels(answer.budget).inc(answer.throttled);
    },
    countTokenFailure(grant, code) {
      tokenFailures.labels(grant, code).inc();
    },
    observeNotificationLag(seconds) {
      if (Number.isFinite(seconds) && seconds >= 0) notificationLag.observe(seconds);
    },
    watchQueueDepth(read) {
      readQueueDepth = read;
    },
  };
}
