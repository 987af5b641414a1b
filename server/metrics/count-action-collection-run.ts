import type { ActionCollectionReport } from '../jobs/action-collection-run';
import type { BridgeMetrics } from './create-bridge-metrics';

/**
 * Counts one action collection's part of a mailbox run (events or tasks) from its report: the run
 * by outcome and stopping code, and the items it wrote on each side.
 *
 * @example
 * countActionCollectionRun(metrics, 'events', await syncEvents(input));
 */
export function countActionCollectionRun(metrics: Pick<BridgeMetrics, 'countRun' | 'countWritten'>, collection: 'events' | 'tasks', report: ActionCollectionReport): void {
  metrics.countRun(collection, report.outcome, report.failure?.code);
  const { applied } = report;
  metrics.countWritten(collection, 'outlook', 'create', applied.outlookCreated);
  metrics.countWritten(collection, 'outlook', 'update', applied.outlookUpdated);
  metrics.countWritten(collection, 'outlook', 'remove', applied.outlookRemoved);
  metrics.countWritten(collection, 'erp', 'create', applied.erpCreated);
  metrics.countWritten(collection, 'erp', 'update', applied.erpUpdated);
}
