import type { Context } from 'hono';
import type { BatchItem } from './batch-request';
import type { GraphEnv } from './graph-env';
import { graphErrorBody } from './graph-error';
import { serviceRoot } from './graph-response';

/** Sends one request through the whole emulator (faults, token check, throttling) in process. */
export type DispatchBatchItem = (request: Request) => Promise<Response>;

export interface BatchItemResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Batch answers show header names as Graph writes them (`Content-Type`, `Retry-After`). */
function displayHeaderName(name: string): string {
  if (name === 'odata-version') return 'OData-Version';
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);
}

async function toItemResponse(id: string, response: Response): Promise<BatchItemResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'request-id' && name !== 'client-request-id' && name !== 'content-length') headers[displayHeaderName(name)] = value;
  });
  const text = await response.text();
  if (text === '') return { id, status: response.status, headers };
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  return { id, status: response.status, headers, body: isJson ? JSON.parse(text) : text };
}

export function batchErrorItem(c: Context<GraphEnv>, id: string, status: number, code: string, message: string, nowMs: number): BatchItemResponse {
  const ids = { requestId: c.get('requestId'), clientRequestId: c.get('clientRequestId') };
  return { id, status, headers: { 'Content-Type': 'application/json' }, body: graphErrorBody(code, message, ids, nowMs) };
}

/**
 * Runs one request of a batch with the batch's token. Its URL is relative to the version root
 * (`/me/contacts` or `me/contacts`); a request the batch cannot carry gets its own 400.
 */
export async function runBatchItem(c: Context<GraphEnv>, item: BatchItem, dispatch: DispatchBatchItem, nowMs: number): Promise<BatchItemResponse> {
  const relative = item.url.replace(/^\/+/, '');
  const refuse = (message: string) => batchErrorItem(c, item.id, 400, 'BadRequest', message, nowMs);
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative)) return refuse('The url of a batch request must be relative, for example /me/contacts.');
  if (/^\$batch\b/i.test(relative)) return refuse('A batch cannot contain another batch.');
  const method = item.method.toUpperCase();
  if (item.body !== undefined && (method === 'GET' || method === 'HEAD')) return refuse(`A ${method} request cannot have a body.`);

  const headers = new Headers(item.headers);
  headers.set('authorization', c.req.header('authorization') ?? '');
  const body = item.body === undefined ? undefined : typeof item.body === 'string' ? item.body : JSON.stringify(item.body);
  const response = await dispatch(new Request(`${serviceRoot(c)}/${relative}`, { method, headers, body }));
  return toItemResponse(item.id, response);
}
