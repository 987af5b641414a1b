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
  /** Lets the next request that `matches` reach the emulator, then drops its answer (a reset after the work was done). */
  loseAnswer(matches: (method: string, url: string, body: string) => boolean): void;
  close(): Promise<void>;
}

/** The emulator on loopback and a gateway client that counts what it sends; retries cost no time. */
export async function startCalendarTest(): Promise<CalendarTest> {
  const graph = await startTestGraph();
  let sent = 0;
  let virtualNow = Date.now();
  let lose: ((method: string, url: string, body: string) => boolean) | undefined;
  const client = createGraphClient({
    baseUrl: `${graph.emulator.url}/v1.0`,
    getAccessToken: async () => graph.appSyncToken,
    fetch: async (input, init) => {
      sent += 1;
      const answer = await fetch(input, init);
      if (lose?.(init.method ?? 'GET', String(input), typeof init.body === 'string' ? init.body : '')) {
        lose = undefined;
        throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
      }
      return answer;
    },
    now: () => virtualNow,
    sleep: async (ms) => {
      virtualNow += ms;
    },
  });
  return {
    graph, client, mailbox: contoso.ana.id, requests: () => sent, close: () => graph.close(),
    loseAnswer: (matches) => void (lose = matches),
  };
}
