import type { ConfidentialClientApplication, INetworkModule } from '@azure/msal-node';
import { createGraphClient, type GraphClient, type GraphClientOptions } from '../../src/graph/create-graph-client';
import { SyncError } from '../../src/sync/sync-error';
import { createMsalClient } from '../auth/create-msal-client';
import { createAppOnlyTokenSource, createDelegatedTokens, createOnBehalfOfTokenSource, type GraphTokenSource } from '../auth/graph-token-sources';
import type { EnvironmentConfig } from '../config/config-schema';
import type { BridgeMetrics, TokenGrant } from '../metrics/create-bridge-metrics';
import type { Store, UserKey } from '../store/store';
import { StoreError } from '../store/store-error';

export interface GraphAccessOptions {
  environments: readonly EnvironmentConfig[];
  /** Client secrets by environment name, already read from their references. */
  secrets: ReadonlyMap<string, string>;
  authority: string;
  graphBaseUrl: string;
  store: Pick<Store, 'tokenCache'>;
  /** For an authority with a private certificate. */
  networkClient?: INetworkModule;
  /** For a Graph endpoint with a private certificate (the local emulator over HTTPS). */
  graphFetch?: GraphClientOptions['fetch'];
  /** Extra client options (throttling-aware tests and benchmarks shorten the waits). */
  clientOptions?: Partial<Omit<GraphClientOptions, 'baseUrl' | 'getAccessToken'>>;
  /** Counts the Graph tokens that could not be had (`/metrics`). */
  metrics?: Pick<BridgeMetrics, 'countTokenFailure'>;
}

export interface GraphAccess {
  /** The Graph client that acts for one user's mailbox, in the environment's mode. */
  clientFor(environment: string, user: UserKey): GraphClient;
  /**
   * The Graph client for what the user asks in this request (looking up the meeting they log):
   * app-only as `clientFor`; delegated on behalf of the request's bridge token, stored nowhere.
   */
  clientForRequest(environment: string, user: UserKey, bridgeToken: string): GraphClient;
  /** The mailbox as Graph paths name it: the user's object id, always the same form for the per-mailbox gate. */
  mailboxOf(user: UserKey): string;
  /** Delegated mode: exchanges the user's bridge token once, so sync can run with Outlook closed. */
  connect(environment: string, user: UserKey, bridgeToken: string): Promise<void>;
  /** Whether sync can get a Graph token for this user without them. */
  isConnected(environment: string, user: UserKey): Promise<boolean>;
}

/**
 * One place that knows how each environment reaches Graph: app-only clients are shared per
 * environment (Graph's limits are per app and mailbox), delegated ones are made per user.
 */
export function createGraphAccess(options: GraphAccessOptions): GraphAccess {
  const byName = new Map(options.environments.map((environment) => [environment.environment, environment]));
  const msalFor = (environment: EnvironmentConfig) => (): ConfidentialClientApplication => {
    const secret = options.secrets.get(environment.environment);
    if (!secret) throw new SyncError('forbidden', `environment ${environment.environment} has no client secret configured, so it cannot reach Graph`);
    return createMsalClient({ authority: options.authority, tenantId: environment.tenantId, clientId: environment.applicationId, clientSecret: secret, networkClient: options.networkClient });
  };
  const environmentOf = (name: string) => {
    const environment = byName.get(name);
    if (!environment) throw new SyncError('forbidden', `environment ${name} is not configured`);
    return environment;
  };
  const delegated = new Map<string, ReturnType<typeof createDelegatedTokens>>();
  const delegatedFor = (environment: EnvironmentConfig) => {
    let tokens = delegated.get(environment.environment);
    if (!tokens) delegated.set(environment.environment, (tokens = createDelegatedTokens({ msal: msalFor(environment), store: options.store })));
    return tokens;
  };
  const appOnlyClients = new Map<string, GraphClient>();
  const delegatedClients = new Map<string, GraphClient>();
  // The identity platform's refusals and outages come as `SyncError`; a store that failed is no token failure.
  const counted = <Result>(grant: TokenGrant, work: () => Promise<Result>) =>
    work().catch((error: unknown) => {
      if (error instanceof SyncError) options.metrics?.countTokenFailure(grant, error.code);
      throw error;
    });
  const clientWith = (source: GraphTokenSource, grant: TokenGrant) =>
    createGraphClient({ ...options.clientOptions, baseUrl: options.graphBaseUrl, getAccessToken: () => counted(grant, () => source.getAccessToken()), ...(options.graphFetch ? { fetch: options.graphFetch } : {}) });

  const clientFor = (name: string, user: UserKey): GraphClient => {
    const environment = environmentOf(name);
    if (environment.mode === 'app-only') {
      let client = appOnlyClients.get(name);
      if (!client) appOnlyClients.set(name, (client = clientWith(createAppOnlyTokenSource(msalFor(environment)()), 'client_credentials')));
      return client;
    }
    // One client per user, so the per-mailbox gate sees every request to that mailbox.
    const key = `${name}:${user.tenantId}:${user.objectId}`;
    let client = delegatedClients.get(key);
    if (!client) delegatedClients.set(key, (client = clientWith(delegatedFor(environment).sourceFor(user), 'refresh_token')));
    return client;
  };

  return {
    clientFor,
    clientForRequest(name, user, bridgeToken) {
      const environment = environmentOf(name);
      if (environment.mode === 'app-only') return clientFor(name, user);
      return clientWith(createOnBehalfOfTokenSource(msalFor(environment)(), bridgeToken), 'on_behalf_of');
    },
    mailboxOf: (user) => user.objectId,
    async connect(name, user, bridgeToken) {
      const environment = environmentOf(name);
      if (environment.mode === 'delegated') await counted('on_behalf_of', () => delegatedFor(environment).connect(user, bridgeToken));
    },
    async isConnected(name, user) {
      const environment = environmentOf(name);
      if (environment.mode === 'app-only') return options.secrets.has(name);
      try {
        return (await options.store.tokenCache.get(user)) !== undefined;
      } catch (error) {
        // A cache sealed with another key must be made again by the user; any other store failure is a
        // failure of its own, never "not connected" (which would ask the user to connect again).
        if (error instanceof StoreError && error.code === 'token_unreadable') return false;
        throw error;
      }
    },
  };
}
