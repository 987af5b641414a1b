import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { ChangeNotificationCollection } from '@microsoft/microsoft-graph-types';

/** How the receiver answers Graph's validation request. */
export type ValidationBehaviour = 'echo' | 'echo-encoded' | 'error' | 'slow' | 'json';

export interface ReceivedValidation {
  path: string;
  token: string;
  contentType: string | undefined;
}

export interface ReceivedNotification {
  path: string;
  contentType: string | undefined;
  body: ChangeNotificationCollection;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:{port}`; any path is accepted (use `/notifications` and `/lifecycle`). */
  url: string;
  validation: ValidationBehaviour;
  /** Statuses to answer notification POSTs with, one per request; 202 once they run out. */
  notificationStatuses: number[];
  validations: ReceivedValidation[];
  notifications: ReceivedNotification[];
  /** Resolves once `count` notifications have arrived at `path` (any path when omitted). */
  waitForNotifications(count: number, path?: string): Promise<ReceivedNotification[]>;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** A bridge-like notification endpoint on loopback that records what Graph sends it. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const waiters: (() => void)[] = [];
  const receiver: Omit<WebhookReceiver, 'url' | 'close' | 'waitForNotifications'> = {
    validation: 'echo',
    notificationStatuses: [],
    validations: [],
    notifications: [],
  };
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://receiver');
      const body = await readBody(request);
      const token = url.searchParams.get('validationToken');
      if (token !== null) {
        receiver.validations.push({ path: url.pathname, token, contentType: request.headers['content-type'] });
        switch (receiver.validation) {
          case 'echo':
            return response.writeHead(200, { 'content-type': 'text/plain' }).end(token);
          case 'echo-encoded':
            return response.writeHead(200, { 'content-type': 'text/plain' }).end(encodeURIComponent(token));
          case 'error':
            return response.writeHead(500).end();
          case 'json':
            return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(token));
          case 'slow':
            return setTimeout(() => response.writeHead(200, { 'content-type': 'text/plain' }).end(token), 1_000);
        }
      }
      const status = receiver.notificationStatuses.shift() ?? 202;
      if (status < 300) {
        const parsed: ChangeNotificationCollection = JSON.parse(body);
        receiver.notifications.push({ path: url.pathname, contentType: request.headers['content-type'], body: parsed });
        waiters.splice(0).forEach((wake) => wake());
      }
      response.writeHead(status).end();
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The webhook receiver did not get a TCP port.');

  // Woken by each notification as it arrives; the deadline only names what was missing, below the test's own timeout.
  const waitForNotifications = async (count: number, path?: string) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const matching = receiver.notifications.filter((notification) => path === undefined || notification.path === path);
      if (matching.length >= count) return matching;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Expected ${count} notifications at ${path ?? 'any path'}, got ${matching.length}.`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };

  return Object.assign(receiver, {
    url: `http://127.0.0.1:${address.port}`,
    waitForNotifications,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  });
}
