import { Hono } from 'hono';
import { badBatch, batchRequestSchema, dependencyOrder, validateBatchItems } from '../batch-request';
import type { EmulatorCounters } from '../emulator-counters';
import type { GraphEnv } from '../graph-env';
import { sendGraphJson } from '../graph-response';
import { readJsonBody } from '../read-json-body';
import { batchErrorItem, type BatchItemResponse, type DispatchBatchItem, runBatchItem } from '../run-batch-item';

/** For an unordered batch Graph sends Outlook up to four requests at a time. */
const parallelism = 4;

/** Runs up to `limit` tasks at a time; answers in completion order, as Graph may. */
async function runPooled<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next];
      next += 1;
      if (task) results.push(await task());
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/**
 * `POST /$batch`: up to 20 requests, each answered on its own (status, headers, body) and each
 * admitted or throttled on its own. With `dependsOn` the batch runs one request at a time and a
 * request whose dependency failed is answered 424 without running.
 */
export function createBatchRoutes(dispatch: DispatchBatchItem, counters: EmulatorCounters, now: () => number): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  routes.post('/$batch', async (c) => {
    if (c.env.batchItem) throw badBatch('A batch cannot contain another batch.');
    const parsed = batchRequestSchema.safeParse(await readJsonBody(c));
    if (!parsed.success) throw badBatch(`Invalid batch payload: ${parsed.error.issues[0]?.message ?? 'malformed'}.`);
    const items = parsed.data.requests;
    validateBatchItems(items);
    counters.countBatch();

    if (!items.some((item) => (item.dependsOn ?? []).length > 0)) {
      const responses = await runPooled(items.map((item) => () => runBatchItem(c, item, dispatch, now())), parallelism);
      return sendGraphJson(c, { responses });
    }
    const responses: BatchItemResponse[] = [];
    const statusById = new Map<string, number>();
    for (const item of dependencyOrder(items)) {
      const dependency = item.dependsOn?.[0];
      const dependencyStatus = dependency === undefined ? undefined : statusById.get(dependency.toLowerCase());
      const response =
        dependencyStatus !== undefined && dependencyStatus >= 400
          ? batchErrorItem(c, item.id, 424, 'FailedDependency', `The request depends on request '${dependency ?? ''}', which failed.`, now())
          : await runBatchItem(c, item, dispatch, now());
      statusById.set(item.id.toLowerCase(), response.status);
      responses.push(response);
    }
    return sendGraphJson(c, { responses });
  });
  return routes;
}
