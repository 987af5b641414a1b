import { randomUUID } from 'node:crypto';
import type { ChangeNotification } from '@microsoft/microsoft-graph-types';
import { GraphError } from './graph-error';
import { seededRandom } from './seeded-random';

/** How the emulator calls notification endpoints; shorter times suit tests. */
export interface NotificationSettings {
  /** Graph waits 10 s for the validation answer. */
  validationTimeoutMs: number;
  /** An answer slower than 3 s counts as a failure, as in Graph, and is retried. */
  deliveryTimeoutMs: number;
  /** Waits before each retry of a failed delivery; Graph retries for up to 4 hours. */
  retryDelaysMs: readonly number[];
  /** Graph calls HTTPS endpoints only; the emulator also calls `http:` on loopback, or on any host with 'any'. */
  httpNotificationHosts: 'loopback' | 'any';
  /** Between a change and the POST of its notification (Graph's delivery is not instant); lifecycle notifications too. */
  deliveryDelayMs: number;
  /** Share (0–1) of change notifications never sent, as Graph drops them for an endpoint it marked "drop". */
  dropShare: number;
  /** Share (0–1) of notifications sent `extraDelayMs` later than the others, as Graph does for a "slow" endpoint. */
  delayShare: number;
  extraDelayMs: number;
  /** Seed of the drop and delay draws: the n-th notification always gets the same fate. */
  seed: number;
}

export const notificationDefaults: NotificationSettings = {
  validationTimeoutMs: 10_000,
  deliveryTimeoutMs: 3_000,
  retryDelaysMs: [1_000, 5_000, 30_000],
  httpNotificationHosts: 'loopback',
  deliveryDelayMs: 1_000,
  dropShare: 0,
  delayShare: 0,
  extraDelayMs: 10_000,
  seed: 1,
};

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'paused' | 'dropped';

/** One POST of notifications (or one that was held back), as the admin API shows it. */
export interface NotificationDelivery {
  id: string;
  subscriptionId: string;
  kind: 'change' | 'lifecycle';
  url: string;
  payload: { value: ChangeNotification[] };
  status: DeliveryStatus;
  attempts: number;
  /** The endpoint's last HTTP status, or the network error. */
  lastResult?: number | string;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
const validationFailed = (detail: string) => new GraphError(400, 'ValidationError', `Subscription validation request failed. ${detail}`);

/**
 * Calls notification endpoints the way Graph does: the validation handshake when a subscription
 * is created, and POSTs of notifications with retries. Keeps a log of every delivery.
 */
export class NotificationClient {
  private readonly deliveries: NotificationDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  private readonly random: () => number;

  constructor(private readonly settings: NotificationSettings) {
    this.random = seededRandom(settings.seed);
  }

  /** Graph requires an HTTPS endpoint; the emulator lets a local one use HTTP. */
  assertUsableUrl(url: string, property: string): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new GraphError(400, 'InvalidRequest', `The ${property} '${url}' is not an absolute URL.`);
    }
    const httpAllowed = this.settings.httpNotificationHosts === 'any' || loopbackHosts.has(parsed.hostname);
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && httpAllowed)) {
      throw new GraphError(400, 'InvalidRequest', `The ${property} must use HTTPS: '${url}'.`);
    }
  }

  /**
   * The handshake: `POST {url}?validationToken=…` (text/plain); the endpoint must answer 200,
   * `text/plain`, with the decoded token as the body, within the timeout. 400 `ValidationError` otherwise.
   */
  async validate(url: string): Promise<void> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const target = new URL(url);
    target.searchParams.append('validationToken', token);
    let response: Response;
    try {
      response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: '',
        signal: AbortSignal.timeout(this.settings.validationTimeoutMs),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') throw new GraphError(400, 'ValidationError', 'Subscription validation request timed out.');
      throw validationFailed('Notification endpoint must respond with 200 OK to validation request.');
    }
    const body = await response.text().catch(() => '');
    if (response.status !== 200) throw validationFailed('Notification endpoint must respond with 200 OK to validation request.');
    if (!(response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/plain')) {
      throw validationFailed('The response to the validation request must have Content-Type text/plain.');
    }
    if (body !== token) throw validationFailed('Response must exactly match validationToken query parameter.');
  }

  /**
   * Queues a POST of notifications after the delivery delay; returns its log entry at once. A
   * seeded draw drops some change notifications (`dropShare`) and delays some more (`delayShare`).
   */
  deliver(subscriptionId: string, kind: NotificationDelivery['kind'], url: string, payload: NotificationDelivery['payload']): NotificationDelivery {
    const draw = this.random();
    const dropped = kind === 'change' && draw < this.settings.dropShare;
    const delivery: NotificationDelivery = { id: randomUUID(), subscriptionId, kind, url, payload, status: dropped ? 'dropped' : 'pending', attempts: 0 };
    this.deliveries.push(delivery);
    if (dropped) return delivery;
    const delayed = draw < this.settings.dropShare + this.settings.delayShare;
    this.later(this.settings.deliveryDelayMs + (delayed ? this.settings.extraDelayMs : 0), () => this.attempt(delivery));
    return delivery;
  }

  /** Logs notifications that were not sent (the subscription waits for reauthorization). */
  holdBack(subscriptionId: string, url: string, payload: NotificationDelivery['payload']): NotificationDelivery {
    const delivery: NotificationDelivery = { id: randomUUID(), subscriptionId, kind: 'change', url, payload, status: 'paused', attempts: 0 };
    this.deliveries.push(delivery);
    return delivery;
  }

  log(): NotificationDelivery[] {
    return this.deliveries.map((delivery) => ({ ...delivery }));
  }

  /** Resolves when no delivery is in flight or waiting for a retry. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0 || this.timers.size > 0) {
      await Promise.race([...this.inFlight, new Promise((resolve) => setTimeout(resolve, 10))]);
    }
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private attempt(delivery: NotificationDelivery): void {
    if (this.closed) return;
    const run = this.post(delivery).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  private async post(delivery: NotificationDelivery): Promise<void> {
    delivery.attempts += 1;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(delivery.payload),
        signal: AbortSignal.timeout(this.settings.deliveryTimeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      delivery.lastResult = response.status;
      if (response.status >= 200 && response.status < 300) {
        delivery.status = 'delivered';
        return;
      }
    } catch (error) {
      delivery.lastResult = error instanceof Error ? error.name : 'error';
    }
    const wait = this.settings.retryDelaysMs[delivery.attempts - 1];
    if (wait === undefined || this.closed) {
      delivery.status = 'failed';
      return;
    }
    this.later(wait, () => this.attempt(delivery));
  }

  /** Runs `work` after `delayMs` unless closed first; `settle` waits for it. */
  private later(delayMs: number, work: () => void): void {
    if (delayMs <= 0) {
      work();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }
}
