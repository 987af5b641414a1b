import { z } from 'zod';
import { GraphError } from './graph-error';

/** Graph's limit on requests per batch. */
const maximumRequests = 20;

export const batchRequestSchema = z.object({
  requests: z
    .array(
      z.object({
        id: z.string().min(1),
        method: z.string().min(1),
        url: z.string().min(1),
        headers: z.record(z.string(), z.string()).optional(),
        body: z.unknown().optional(),
        dependsOn: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});

export type BatchItem = z.infer<typeof batchRequestSchema>['requests'][number];

export const badBatch = (message: string) => new GraphError(400, 'BadRequest', message);

export function headerNamed(headers: Record<string, string> | undefined, name: string): string | undefined {
  return Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
}

/**
 * Refuses what Graph refuses for the whole batch: more than 20 requests, duplicate ids (ids ignore
 * case), a body without Content-Type, and `dependsOn` that names an unknown id, more than one id
 * (a documented known issue: one dependency per request), or a cycle.
 */
export function validateBatchItems(items: readonly BatchItem[]): void {
  if (items.length > maximumRequests) {
    throw badBatch(`The batch contains ${items.length} requests; a JSON batch holds at most ${maximumRequests}.`);
  }
  const ids = new Map(items.map((item) => [item.id.toLowerCase(), item]));
  if (ids.size !== items.length) throw badBatch('Batch request ids must be unique.');
  for (const item of items) {
    if (item.body !== undefined && headerNamed(item.headers, 'content-type') === undefined) {
      throw badBatch(`Request '${item.id}' has a body but no Content-Type header.`);
    }
    const dependsOn = item.dependsOn ?? [];
    if (dependsOn.length > 1) throw badBatch(`Request '${item.id}' depends on more than one request; Graph allows one.`);
    for (const dependency of dependsOn) {
      if (!ids.has(dependency.toLowerCase()) || dependency.toLowerCase() === item.id.toLowerCase()) {
        throw badBatch(`Request '${item.id}' depends on '${dependency}', which is not another request of this batch.`);
      }
    }
  }
  for (const item of items) {
    const seen = new Set<string>();
    for (let current: BatchItem | undefined = item; current?.dependsOn?.[0] !== undefined; ) {
      const next = current.dependsOn[0].toLowerCase();
      if (seen.has(next)) throw badBatch('The dependsOn chain of the batch has a cycle.');
      seen.add(next);
      current = ids.get(next);
    }
  }
}

/** Dependency order that keeps the client's order among independent requests. */
export function dependencyOrder(items: readonly BatchItem[]): BatchItem[] {
  const byId = new Map(items.map((item) => [item.id.toLowerCase(), item]));
  const ordered: BatchItem[] = [];
  const placed = new Set<BatchItem>();
  const place = (item: BatchItem) => {
    if (placed.has(item)) return;
    const dependency = item.dependsOn?.[0];
    const required = dependency === undefined ? undefined : byId.get(dependency.toLowerCase());
    if (required) place(required);
    placed.add(item);
    ordered.push(item);
  };
  items.forEach(place);
  return ordered;
}
