import type { GraphEmulatorOptions } from '../../../../dev/m365/graph/graph-emulator-options';
import { createGraphClient, type GraphClient, type GraphClientOptions } from '../../../../src/graph/create-graph-client';
import { contoso, startTestGraph, type TestGraph } from '../../../dev/m365/graph/support/start-test-graph';

export { contoso };

export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
  /** Absent while in flight, and when the connection was reset. */
  answer?: { status: number; body: unknown };
}

export interface GatewayTest {
  graph: TestGraph;
  /** The gateway, app-only (Contoso's `Contacts.ReadWrite` role), as the Prextra mode runs. */
  client: GraphClient;
  /** Ana's mailbox, addressed by user id. */
  mailbox: string;
  /** Every wait the client asked for, in milliseconds. */
  sleeps: number[];
  /** Every request the client sent (method, URL, headers, JSON body) with the status and JSON it got back. */
  sent: SentRequest[];
  close(): Promise<void>;
}

export interface GatewayTestOptions {
  emulator?: Omit<Partial<GraphEmulatorOptions>, 'verifyToken'>;
  /**
   * Client options. By default the client runs on a virtual clock: `sleep` records the wait and moves
   * the clock on at once, so retries cost no time and their waits can be read back exactly.
   */
  client?: Partial<Omit<GraphClientOptions, 'baseUrl' | 'fetch'>>;
  /** Called on each virtual wait, e.g. to switch a fault off once the client has met it. */
  onSleep?: (ms: number) => void;
  /** Sign in with the bridge's roles (contacts, calendars and To Do) instead of `Contacts.ReadWrite` only. */
  syncRoles?: boolean;
}

/** The emulator on loopback and a gateway client that records what it sends and how long it waits. */
export async function startGatewayTest(options: GatewayTestOptions = {}): Promise<GatewayTest> {
  const graph = await startTestGraph(options.emulator);
  const sleeps: number[] = [];
  const sent: GatewayTest['sent'] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request: SentRequest = { method: init?.method ?? 'GET', url: String(input), headers: new Headers(init?.headers), body };
    sent.push(request);
    const response = await fetch(input, init);
    const text = await response.clone().text();
    request.answer = { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    return response;
  };
  let virtualNow = Date.now();
  const client = createGraphClient({
    baseUrl: `${graph.emulator.url}/v1.0`,
    getAccessToken: async () => (options.syncRoles ? graph.appSyncToken : graph.appToken),
    fetch: recordingFetch,
    now: () => virtualNow,
    sleep: async (ms) => {
      sleeps.push(ms);
      virtualNow += ms;
      options.onSleep?.(ms);
    },
    ...options.client,
  });
  return { graph, client, mailbox: contoso.ana.id, sleeps, sent, close: () => graph.close() };
}
