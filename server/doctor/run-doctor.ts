import type { ErpPort } from '../../src/domain/erp-port';
import type { EnvironmentConfig } from '../config/config-schema';
import { delegatedGraphScopes } from '../auth/graph-token-sources';
import type { GraphAccess } from '../jobs/create-graph-access';
import type { Store } from '../store/store';
import { checkAdminConsent } from './check-admin-consent';
import { checkClientSecret } from './check-client-secret';
import { checkClockSkew } from './check-clock-skew';
import { checkContactFolders } from './check-contact-folders';
import { checkErp } from './check-erp';
import { checkGraphPermissions } from './check-graph-permissions';
import { checkMailboxAccess } from './check-mailbox-access';
import { checkPublicUrl } from './check-public-url';
import { checkSecretExpiry } from './check-secret-expiry';
import { checkTokenEndpoint } from './check-token-endpoint';
import { type DoctorCheck, doctorCheckNames } from './doctor-check';
import type { DoctorFetch } from './doctor-fetch';
import { probeContactFolders } from './probe-contact-folders';
import { readPasswordCredentials } from './read-password-credentials';
import { requestToken, type TokenOutcome } from './request-token';

/** One environment as the checks see it: its configuration, secret, and the ways out to Entra ID, Graph, the ERP and the public URL. */
export interface DoctorTarget {
  environment: EnvironmentConfig;
  clientSecret: string | undefined;
  /** Why the configured secret could not be read (a variable not set, a file missing). */
  clientSecretProblem?: string;
  authority: string;
  graphBaseUrl: string;
  publicUrl: string | undefined;
  identityFetch: DoctorFetch;
  graphFetch: DoctorFetch;
  publicFetch: DoctorFetch;
  erp: Pick<ErpPort, 'ping' | 'kind'>;
  store: Pick<Store, 'users' | 'settings'>;
  graphAccess: GraphAccess;
  /** Delegated mode without an admin's sign-in: a stored user's Graph token (`readStoredDelegatedToken`). */
  storedDelegatedToken?: () => Promise<TokenOutcome | undefined>;
  now: () => Date;
}

export interface DoctorReport {
  environment: string;
  mode: EnvironmentConfig['mode'];
  checks: DoctorCheck[];
}

const graphDefaultScope = 'https://graph.microsoft.com/.default';

/**
 * Runs every check of one environment and reports them in `doctorCheckNames` order. `userToken`,
 * a bridge token of the admin asking, lets a delegated environment try the on-behalf-of exchange;
 * without it, a connected user's stored sign-in is used when there is one.
 */
export async function runDoctor(target: DoctorTarget, options: { userToken?: string } = {}): Promise<DoctorReport> {
  const { environment, clientSecret } = target;
  const { applicationId, tenantId, mode } = environment;
  const credentials: Record<string, string> = { client_id: applicationId, ...(clientSecret ? { client_secret: clientSecret } : {}) };
  // Sent even without a secret: Entra's refusal still shows the endpoint answers, and its clock.
  const appToken = await requestToken(target.identityFetch, target.authority, tenantId, { ...credentials, grant_type: 'client_credentials', scope: graphDefaultScope });
  const onBehalfOf: TokenOutcome | undefined =
    mode === 'delegated' && clientSecret && options.userToken && appToken.kind !== 'unreachable'
      ? await requestToken(target.identityFetch, target.authority, tenantId, {
          ...credentials, grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', requested_token_use: 'on_behalf_of',
          assertion: options.userToken, scope: [...delegatedGraphScopes, 'offline_access'].join(' '),
        })
      : undefined;
  const delegatedToken = mode === 'delegated' && !onBehalfOf && clientSecret && appToken.kind === 'issued' ? await target.storedDelegatedToken?.() : undefined;
  const permissionsToken = mode === 'app-only' ? (clientSecret ? appToken : undefined) : (onBehalfOf ?? delegatedToken);
  const issued = clientSecret && appToken.kind === 'issued' ? appToken : undefined;

  const [reading, probes, erp, publicUrl] = await Promise.all([
    issued
      ? readPasswordCredentials(target.graphFetch, target.graphBaseUrl, applicationId, issued.accessToken)
      : Promise.resolve({ kind: 'skipped' as const, reason: 'the app could not get a Graph token' }),
    issued ? probeContactFolders(target, environment.environment) : Promise.resolve(undefined),
    checkErp(target.erp),
    checkPublicUrl(target.publicUrl, target.publicFetch),
  ]);
  const notProbed = (name: 'mailbox-access' | 'contact-folders'): DoctorCheck => ({ name, status: 'warn', message: 'Not checked: the app could not get a Graph token.' });

  const checks: DoctorCheck[] = [
    checkTokenEndpoint(appToken, tenantId),
    checkClientSecret(clientSecret ? appToken : undefined, applicationId, target.clientSecretProblem),
    checkSecretExpiry(reading, clientSecret, target.now()),
    checkAdminConsent(mode, permissionsToken),
    checkGraphPermissions(mode, permissionsToken),
    probes ? checkMailboxAccess(mode, probes) : notProbed('mailbox-access'),
    probes ? checkContactFolders(probes) : notProbed('contact-folders'),
    erp,
    publicUrl,
    checkClockSkew(appToken.kind === 'unreachable' ? undefined : appToken.date, target.now()),
  ];
  return { environment: environment.environment, mode, checks: checks.sort((a, b) => doctorCheckNames.indexOf(a.name) - doctorCheckNames.indexOf(b.name)) };
}
