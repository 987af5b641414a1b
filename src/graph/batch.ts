import { SyncError } from '../sync/sync-error';
import type { GraphClient, HttpMethod } from './create-graph-client';
import type { Mailbox } from './mailbox-path';
import { parseGraphError } from './parse-graph-error';
import { preferImmutableIds } from './prefer-immutable-ids';

/** Graph refuses a `$batch` of more than 20 requests. */
export const batchSizeLimit = 20;

export interface BatchRequest {
  /** Unique (ignoring case) within one call; answers are matched to requests by it. */
  id: string;
  method: HttpMethod;
  /** Relative to the version root: `/users/{id}/contactFolders/{id}/contacts`. */
  url: string;
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
}

/** One answer per request: a failure (400, 404, 412, throttled after every retry…) is data, never thrown. */
export type BatchAnswer =
  | { id: string; ok: true; status: number; body: unknown }
  | { id: string; ok: false; status: number; error: SyncError };

interface BatchResponseItem {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface BatchResponse {
  responses?: BatchResponseItem[];
}

/** Each item carries its own headers: Graph applies `Prefer: IdType` per item, and a body needs `Content-Type`. */
function toWire(request: BatchRequest) {
  const given = Object.entries(request.headers ?? {});
  const callerPrefer = given.find(([name]) => name.toLowerCase() === 'prefer')?.[1];
  const headers: Record<string, string> = Object.fromEntries(given.filter(([name]) => name.toLowerCase() !== 'prefer'));
  headers.Prefer = preferImmutableIds(callerPrefer);
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  return { id: request.id, method: request.method, url: request.url, headers, ...(request.body === undefined ? {} : { body: request.body }) };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

function assertUniqueIds(requests: readonly BatchRequest[]): void {
  const seen = new Set<string>();
  for (const { id } of requests) {
    if (seen.has(id.toLowerCase())) throw new SyncError('invalid_input', `Two batch requests share the id '${id}'.`);
    seen.add(id.toLowerCase());
  }
}

/** Only a 2xx is done: a 3xx inside a `$batch` is not followed, so the request did not get its answer. */
const isSuccess = (status: number) => status >= 200 && status < 300;

/** The failure whose wait is the longest: the retry round waits for all of them at once. */
const longestWait = (left: SyncError | undefined, right: SyncError) =>
  left === undefined || (right.retryAfterMs ?? 0) > (left.retryAfterMs ?? 0) ? right : left;

/** The items of a `$batch` answer that Graph throttled. */
function throttledItems(answer: unknown): number {
  const responses = (answer as BatchResponse | undefined)?.responses;
  return Array.isArray(responses) ? responses.filter((item) => item?.status === 429).length : 0;
}

/** Sends one `$batch` holding every slot of the mailbox, since Graph runs up to 4 of its requests at once. */
async function sendBatch(client: GraphClient, mailbox: Mailbox, requests: readonly BatchRequest[]): Promise<Map<string, BatchResponseItem>> {
  const answer = await client.request<BatchResponse>('POST', '/$batch', {
    body: { requests: requests.map(toWire) },
    mailbox,
    slots: Number.POSITIVE_INFINITY,
    requests: requests.length,
    idempotent: requests.every((request) => request.method !== 'POST'),
    countThrottled: throttledItems,
  });
  return new Map((answer?.responses ?? []).map((item) => [item.id.toLowerCase(), item]));
}

/** Sends one chunk, then again only its requests that were throttled or unavailable, until none is or the retries run out. */
async function runChunk(client: GraphClient, mailbox: Mailbox, requests: readonly BatchRequest[], answers: Map<string, BatchAnswer>): Promise<void> {
  let pending = requests;
  for (let round = 0; pending.length > 0; round += 1) {
    const items = await sendBatch(client, mailbox, pending);
    const retry: BatchRequest[] = [];
    let wait: SyncError | undefined;
    for (const request of pending) {
      const item = items.get(request.id.toLowerCase());
      if (item !== undefined && isSuccess(item.status)) {
        answers.set(request.id, { id: request.id, ok: true, status: item.status, body: item.body });
        continue;
      }
      const error = item
        ? parseGraphError(item.status, item.body, item.headers)
        : new SyncError('unavailable', `The $batch answer has no response for request '${request.id}'.`, { outcomeUnknown: true });
      if (round < client.maxRetries && client.isRetryable(error, request.method !== 'POST')) {
        retry.push(request);
        wait = longestWait(wait, error);
      } else {
        answers.set(request.id, { id: request.id, ok: false, status: error.status ?? 0, error });
      }
    }
    if (wait !== undefined) await client.waitToRetry(mailbox, round, wait);
    pending = retry;
  }
}

/**
 * Sends `requests` for one mailbox as JSON `$batch`es of at most 20, one at a time. Requests answered
 * 429 or 503 (and 504, unless a POST, which may have run) are sent again in a new batch after the
 * longest `Retry-After` among them; Graph's SDKs leave that to the caller. Returns one answer per
 * request, in request order. Throws `SyncError` only when a whole batch fails.
 *
 * @example
 * const answers = await batch(graph, userId, contacts.map((contact, index) => ({
 *   id: String(index), method: 'POST', url: `/users/${userId}/contactFolders/${folderId}/contacts`, body: contact,
 * })));
 */
export async function batch(client: GraphClient, mailbox: Mailbox, requests: readonly BatchRequest[]): Promise<BatchAnswer[]> {
  assertUniqueIds(requests);
  const answers = new Map<string, BatchAnswer>();
  for (const requestsOfChunk of chunk(requests, batchSizeLimit)) await runChunk(client, mailbox, requestsOfChunk, answers);
  return requests.map(
    (request) =>
      answers.get(request.id) ?? { id: request.id, ok: false, status: 0, error: new SyncError('unavailable', `No answer for request '${request.id}'.`) },
  );
}
