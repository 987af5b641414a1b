import { createGraphClient, type GraphClient } from '../../../../src/graph/create-graph-client';
import { contoso, startTestGraph, type TestGraph } from '../../../dev/m365/graph/support/start-test-graph';

export interface CalendarTest {
  graph: TestGraph;
  /** App-only with the bridge's roles (Calendars.ReadWrite among them), as the Prextra mode runs. */
  client: GraphClient;
  /** Ana's mailbox, by user id. */
  mailbox: string;
  /** HTTP requests the client sent (a `$batch` is one). */
  requests(): number;
  close(): Promise<void>;
}

/** The emulator on loopback and a gateway client that counts what it sends; retries cost no time. */
export async function startCalendarTest(): Promise<CalendarTest> {
  const graph = await startTestGraph();
  let sent = 0;
  let virtualNow = Date.now();
  const client = createGraphClient({
    baseUrl: `${graph.emulator.url}/v1.0`,
    getAccessToken: async () => graph.appSyncToken,
    fetch: (input, init) => {
      sent += 1;
      return fetch(input, init);
    },
    now: () => virtualNow,
    sleep: async (ms) => {
      virtualNow += ms;
    },
  });
  return { graph, client, mailbox: contoso.ana.id, requests: () => sent, close: () => graph.close() };
}
