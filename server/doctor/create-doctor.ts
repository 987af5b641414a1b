import type { INetworkModule } from '@azure/msal-node';
import type { ErpPort } from '../../src/domain/erp-port';
import { createMsalClient } from '../auth/create-msal-client';
import type { BridgeConfig, EnvironmentConfig } from '../config/config-schema';
import type { GraphAccess } from '../jobs/create-graph-access';
import type { Store } from '../store/store';
import type { DoctorFetch } from './doctor-fetch';
import { readStoredDelegatedToken } from './read-stored-delegated-token';
import { type DoctorReport, runDoctor } from './run-doctor';

/** The checks of one environment, as `npm run doctor` and `GET /api/admin/doctor` run them. */
export interface Doctor {
  run(environment: string, options?: { userToken?: string }): Promise<DoctorReport>;
}

export interface DoctorParts {
  config: Pick<BridgeConfig, 'identity' | 'graph' | 'server'>;
  environments: ReadonlyMap<string, { config: EnvironmentConfig; erp: Pick<ErpPort, 'ping' | 'kind'> }>;
  /** Client secrets by environment, already read; and why any could not be. */
  secrets: ReadonlyMap<string, string>;
  secretProblems?: ReadonlyMap<string, string>;
  store: Pick<Store, 'users' | 'settings' | 'tokenCache'>;
  graphAccess: GraphAccess;
  /** For MSAL, with an authority with a private certificate. */
  networkClient?: INetworkModule;
  /** For an authority or a Graph endpoint with a private certificate; the global fetch otherwise. */
  identityFetch?: DoctorFetch;
  graphFetch?: DoctorFetch;
  /** The public URL is checked as the world sees it: the system's certificate authorities only. */
  publicFetch?: DoctorFetch;
  now?: () => Date;
}

/**
 * Wires the checks to the bridge's own parts.
 * @example const report = await createDoctor({ config, environments, secrets, store, graphAccess }).run('contoso');
 */
export function createDoctor(parts: DoctorParts): Doctor {
  return {
    run(name, options = {}) {
      const bridgeEnvironment = parts.environments.get(name);
      if (!bridgeEnvironment) throw new Error(`environment ${name} is not configured`);
      const problem = parts.secretProblems?.get(name);
      const secret = parts.secrets.get(name);
      const { config } = bridgeEnvironment;
      const msal = () => createMsalClient({
        authority: parts.config.identity.authority, tenantId: config.tenantId, clientId: config.applicationId, clientSecret: secret ?? '',
        ...(parts.networkClient ? { networkClient: parts.networkClient } : {}),
      });
      return runDoctor(
        {
          environment: config,
          clientSecret: secret,
          ...(problem ? { clientSecretProblem: problem } : {}),
          authority: parts.config.identity.authority,
          graphBaseUrl: parts.config.graph.baseUrl,
          publicUrl: parts.config.server.publicUrl,
          identityFetch: parts.identityFetch ?? fetch,
          graphFetch: parts.graphFetch ?? fetch,
          publicFetch: parts.publicFetch ?? fetch,
          erp: bridgeEnvironment.erp,
          store: parts.store,
          graphAccess: parts.graphAccess,
          storedDelegatedToken: () => readStoredDelegatedToken({ store: parts.store, msal }, name),
          now: parts.now ?? (() => new Date()),
        },
        options,
      );
    },
  };
}
