import { SyncError } from '../sync/sync-error';
import { backoffDefaults, type BackoffPolicy, computeRetryDelay } from './compute-retry-delay';
import type { MailboxBudgetState } from './mailbox-budget-state';
import { MailboxGate } from './mailbox-gate';
import { mailboxOfPath, type Mailbox } from './mailbox-path';
import type { GraphCollection } from './graph-collection';
import { parseCollectionItems } from './parse-collection-items';
import { parseGraphError } from './parse-graph-error';
import { preferImmutableIds } from './prefer-immutable-ids';
import { graphRequestBudget, type RequestBudget } from './request-window';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface GraphRequestInit {
  /** Sent as JSON. */
  body?: unknown;
  /** Extra headers; a `Prefer` here is merged with the client's `IdType="ImmutableId"`. */
  headers?: Readonly<Record<string, string>>;
  /** The mailbox whose limits the request counts against; read from the path when absent. */
  mailbox?: Mailbox;
  /** Slots of the mailbox held while in flight (capped at the limit): an unordered `$batch` runs 4 requests at once. */
  slots?: number;
  /** Requests this counts as against the mailbox's budget: a `$batch` counts each of its requests (1 by default). */
  requests?: number;
  /**
   * Whether the request may be sent again after an answer that does not say whether it ran
   * (reset, 504). Every method but POST is, by default: a second POST could create a duplicate.
   */
  idempotent?: boolean;
  /** How many requests inside a successful answer Graph refused with 429 (a `$batch`'s items), for `onAnswer`. */
  countThrottled?: (answer: unknown) => number;
}

/** What `onAnswer` hears of one attempt sent to Graph: nothing that names a mailbox or a user. */
export interface GraphAnswer {
  /** The mailbox's budget when the attempt asked to go. */
  budget: MailboxBudgetState;
  /** Graph requests it carried: a `$batch` counts each of its requests. */
  requests: number;
  /** The answer's HTTP status; absent when none came (reset, timeout). */
  status?: number;
  /** 429 answers in it: the answer's own, or those of a `$batch`'s items. */
  throttled: number;
}

export interface GraphClient {
  /** `https://graph.microsoft.com/v1.0`, or the emulator's `/v1.0`. */
  readonly baseUrl: string;
  readonly maxRetries: number;
  /**
   * Sends one request under the mailbox's limits, retrying throttling, 503, and (when idempotent)
   * 504 and resets; returns the JSON body (`undefined` for 204) or throws `SyncError`.
   */
  request<Result>(method: HttpMethod, path: string, init?: GraphRequestInit): Promise<Result>;
  /**
   * A GET of one page of a collection, as `request` sends it, whose body is read as it arrives:
   * each item of `value` is parsed on its own and handed to `toListed`, so only what it returns is
   * held (a page of 1,000 contacts is never one text nor one parsed tree). A retried page is mapped
   * again from its first item; nothing of a failed attempt is returned.
   */
  requestCollection<Item, Listed>(path: string, toListed: (item: Item) => Listed, init?: GraphRequestInit): Promise<GraphCollection<Listed>>;
  /** Waits before retry `attempt` after `failure`; a `Retry-After` pauses the whole mailbox. */
  waitToRetry(mailbox: Mailbox, attempt: number, failure: SyncError): Promise<void>;
  /**
   * Whether `failure` is worth another attempt: 429 and 503; 504 and resets only when idempotent;
   * never when Graph asks for a wait longer than `maxRetryAfterMs`.
   */
  isRetryable(failure: SyncError, idempotent: boolean): boolean;
}

export interface GraphClientOptions {
  /** Graph's version root; configuration, so the same code reaches Microsoft or the emulator. */
  baseUrl: string;
  /** A Graph access token (delegated or app-only); called before every attempt, so it may refresh. */
  getAccessToken(): Promise<string>;
  /** Graph allows 4 concurrent requests per app and mailbox (graph-facts §1). */
  maxConcurrentPerMailbox?: number;
  /**
   * Requests per sliding window the client sends to one mailbox, so that Graph need not refuse them
   * (refused requests count too); Graph's Outlook limit, 10,000 per 10 minutes, by default.
   */
  requestBudget?: RequestBudget;
  /** Retries after the first attempt, per request (10, as Graph's SDK allows at most). */
  maxRetries?: number;
  backoff?: BackoffPolicy;
  /** A longer `Retry-After` is not waited for: the failure goes up, and the run stops there. */
  maxRetryAfterMs?: number;
  /** Aborts an attempt that has no answer by then (counted as a reset). */
  requestTimeoutMs?: number;
  /** Global `fetch` by default; a fetch that trusts a private CA for a local Graph over HTTPS. */
  fetch?: (url: string, init: { method: string; headers: Headers; body?: string; signal?: AbortSignal }) => Promise<Response>;
  /** Told of every attempt that reached the wire, once it is answered or has failed (the bridge's metrics). */
  onAnswer?: (answer: GraphAnswer) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Requests outside a mailbox (`$batch` without one, subscriptions) share one gate. */
const noMailbox = '';

function headersFor(init: GraphRequestInit, token: string): Headers {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  headers.set('accept', 'application/json');
  headers.set('prefer', preferImmutableIds(headers.get('prefer') ?? undefined));
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  return headers;
}

/** An error body that is not JSON (a proxy's HTML page) is kept as text for the message. */
function parseErrorBody(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

/** A body's text as it arrives; a reading stopped early cancels the rest, so the connection is freed. */
async function* textOf(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  // Decoded as `response.text()` does: UTF-8, a character split between chunks joined.
  const decoder = new TextDecoder();
  let done = false;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      yield decoder.decode(chunk.value, { stream: true });
    }
    done = true;
    yield decoder.decode();
  } finally {
    if (!done) await reader.cancel();
  }
}

/** Graph's JSON is trusted to match the types of @microsoft/microsoft-graph-types; mappers read it defensively. */
function readJson<Result>(text: string, status: number): Result {
  try {
    const result: Result = text === '' ? undefined : JSON.parse(text);
    return result;
  } catch (error) {
    throw new SyncError('unavailable', `Microsoft Graph answered ${status} with a body that is not JSON.`, { status, cause: error });
  }
}

/**
 * A small fetch-based Graph client: bearer token, `Prefer: IdType="ImmutableId"`, at most
 * `maxConcurrentPerMailbox` requests in flight and `requestBudget` per window per mailbox, `Retry-After` honoured (fractional
 * seconds included) and exponential backoff with full jitter otherwise, every failure as `SyncError`.
 *
 * @example
 * const graph = createGraphClient({ baseUrl: 'https://graph.microsoft.com/v1.0', getAccessToken });
 * const folders = await graph.request<{ value: ContactFolder[] }>('GET', '/users/ana@contoso.com/contactFolders');
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const base = new URL(baseUrl);
  const capacity = options.maxConcurrentPerMailbox ?? 4;
  const budget = options.requestBudget ?? graphRequestBudget;
  const maxRetries = options.maxRetries ?? 10;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 5 * 60_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 100_000;
  const send = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const gates = new Map<string, MailboxGate>();

  const gateOf = (mailbox: string) => {
    let gate = gates.get(mailbox);
    if (!gate) {
      // Requests outside a mailbox are not under Outlook's budget.
      gate = new MailboxGate(capacity, { now, sleep }, mailbox === noMailbox ? undefined : budget);
      gates.set(mailbox, gate);
    }
    return gate;
  };

  /** Relative paths hang under the base; absolute links (nextLink, deltaLink) must stay on its host, which holds our token. */
  function resolve(path: string): { url: string; relative: string } {
    if (!/^https?:/i.test(path)) {
      const relative = path.startsWith('/') ? path : `/${path}`;
      return { url: `${baseUrl}${relative}`, relative };
    }
    const url = new URL(path);
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
      throw new SyncError('invalid_input', `Refusing to send a Graph token to ${url.origin}: links must stay under ${baseUrl}.`);
    }
    return { url: path, relative: `${url.pathname.slice(base.pathname.replace(/\/$/, '').length)}${url.search}` };
  }

  async function accessToken(): Promise<string> {
    try {
      return await options.getAccessToken();
    } catch (error) {
      if (error instanceof SyncError) throw error;
      throw new SyncError('auth_required', 'No Graph access token could be obtained.', { cause: error });
    }
  }

  /** A page's body read as it arrives; the items' own mistakes in JSON are Graph's, as a whole body's are. */
  async function readCollection<Item, Listed>(response: Response, toListed: (item: Item) => Listed): Promise<GraphCollection<Listed>> {
    if (response.body === null) throw new SyncError('unavailable', `Microsoft Graph answered ${response.status} without a body.`, { status: response.status });
    const value: Listed[] = [];
    try {
      // Graph's JSON is trusted to match the types of @microsoft/microsoft-graph-types; mappers read it defensively.
      const members = await parseCollectionItems(textOf(response.body), (item) => value.push(toListed(item as Item)));
      const { '@odata.nextLink': nextLink, '@odata.deltaLink': deltaLink } = members;
      return { value, ...(typeof nextLink === 'string' ? { '@odata.nextLink': nextLink } : {}), ...(typeof deltaLink === 'string' ? { '@odata.deltaLink': deltaLink } : {}) };
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      throw new SyncError('unavailable', `Microsoft Graph answered ${response.status} with a body that is not a JSON collection.`, { status: response.status, cause: error });
    }
  }

  /** One attempt, holding the mailbox's slots until the whole body has arrived. */
  async function attempt<Result>(method: HttpMethod, url: string, init: GraphRequestInit, gate: MailboxGate, retry: boolean, read?: (response: Response) => Promise<Result>): Promise<Result> {
    const requests = init.requests ?? 1;
    const budget = gate.budgetState(requests);
    const release = await gate.acquire(init.slots ?? 1, { first: retry, requests });
    let sent = false;
    let status: number | undefined;
    let throttled = 0;
    try {
      const token = await accessToken();
      sent = true;
      const response = await send(url, {
        method,
        headers: headersFor(init, token),
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      status = response.status;
      if (response.ok && read) return await read(response);
      if (status === 429) throttled = 1;
      const text = await response.text();
      if (!response.ok) throw parseGraphError(response, parseErrorBody(text), undefined, now());
      const result = readJson<Result>(text, response.status);
      throttled = init.countThrottled?.(result) ?? 0;
      return result;
    } catch (error) {
      if (error instanceof SyncError) throw error;
      if (error instanceof Error) throw parseGraphError(error);
      throw error;
    } finally {
      release();
      if (sent) options.onAnswer?.({ budget, requests, ...(status === undefined ? {} : { status }), throttled });
    }
  }

  /** One request with its retries: the answer's JSON, or `read`'s reading of a successful answer. */
  async function sendWithRetries<Result>(method: HttpMethod, path: string, init: GraphRequestInit, read?: (response: Response) => Promise<Result>): Promise<Result> {
    const { url, relative } = resolve(path);
    const mailbox = (init.mailbox ?? mailboxOfPath(relative) ?? noMailbox).toLowerCase();
    const gate = gateOf(mailbox);
    const idempotent = init.idempotent ?? method !== 'POST';
    for (let retry = 0; ; retry += 1) {
      try {
        return await attempt<Result>(method, url, init, gate, retry > 0, read);
      } catch (error) {
        if (!(error instanceof SyncError) || retry >= maxRetries || !client.isRetryable(error, idempotent)) throw error;
        await client.waitToRetry(mailbox, retry, error);
      }
    }
  }

  const client: GraphClient = {
    baseUrl,
    maxRetries,
    isRetryable(failure, idempotent) {
      if ((failure.retryAfterMs ?? 0) > maxRetryAfterMs) return false;
      if (failure.code === 'throttled' || failure.status === 503) return true;
      const ambiguous = failure.status === 504 || (failure.status === undefined && failure.code === 'unavailable');
      return ambiguous && idempotent;
    },
    async waitToRetry(mailbox, attemptNumber, failure) {
      const delay = computeRetryDelay(attemptNumber, failure.retryAfterMs, random, options.backoff ?? backoffDefaults);
      if (failure.retryAfterMs !== undefined) gateOf(mailbox.toLowerCase()).pauseFor(delay);
      else await sleep(delay);
    },
    request<Result>(method: HttpMethod, path: string, init: GraphRequestInit = {}): Promise<Result> {
      return sendWithRetries<Result>(method, path, init);
    },
    requestCollection<Item, Listed>(path: string, toListed: (item: Item) => Listed, init: GraphRequestInit = {}) {
      return sendWithRetries('GET', path, init, (response) => readCollection(response, toListed));
    },
  };
  return client;
}
