export interface CloudMetadata {
  preferred_network: string;
  preferred_cache: string;
  aliases: string[];
}

/**
 * Entra's instance discovery answer (`/common/discovery/instance`): MSAL asks it which host
 * names are one cloud. Here the cloud is this server, reachable as 127.0.0.1 or localhost.
 */
export function buildCloudDiscovery(baseUrl: string, tenant = 'common'): { tenant_discovery_endpoint: string; 'api-version': string; metadata: CloudMetadata[] } {
  const { host, port } = new URL(baseUrl);
  const suffix = port ? `:${port}` : '';
  return {
    tenant_discovery_endpoint: `${baseUrl}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [...new Set([host, `localhost${suffix}`, `127.0.0.1${suffix}`])] }],
  };
}
