import graphSdk from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { ContactBench } from './start-contact-bench';

/** The official SDK's default chain (auth, RetryHandler, redirects, telemetry) ending in a fetch that trusts the local certificate: the naive baselines' client. */
export function createSdkClient(bench: Pick<ContactBench, 'token' | 'trustingFetch' | 'm365'>) {
  const chain = graphSdk.MiddlewareFactory.getDefaultMiddlewareChain({ getAccessToken: () => bench.token() });
  const send: Middleware = {
    async execute(context: Context) {
      const url = typeof context.request === 'string' ? context.request : context.request.url;
      const headers = new Headers(context.options?.headers);
      const body = context.options?.body;
      context.response = await bench.trustingFetch(url, { method: context.options?.method ?? 'GET', headers, body: typeof body === 'string' ? body : null });
    },
  };
  const middleware = [...chain.slice(0, -1), send];
  return graphSdk.Client.initWithMiddleware({ middleware, baseUrl: bench.m365.graph.url, defaultVersion: 'v1.0', customHosts: new Set([new URL(bench.m365.graph.url).hostname]) });
}
