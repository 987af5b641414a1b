import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';

export interface MsalClientOptions {
  /** `https://login.microsoftonline.com` or a private identity server (the local stand-in). */
  authority: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** For an authority whose certificate the system does not trust (see `createTrustingNetworkClient`). */
  networkClient?: INetworkModule;
}

const microsoftHosts = new Set(['login.microsoftonline.com', 'login.microsoftonline.us', 'login.partner.microsoftonline.cn']);

/**
 * An MSAL confidential client for one environment's app registration. A private authority is
 * named in `knownAuthorities`, so MSAL reads its metadata from the authority itself instead of
 * asking Microsoft's instance discovery about it.
 */
export function createMsalClient(options: MsalClientOptions): ConfidentialClientApplication {
  const authorityUrl = new URL(options.authority);
  const isMicrosoft = microsoftHosts.has(authorityUrl.host);
  return new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authority: `${options.authority.replace(/\/+$/, '')}/${options.tenantId}`,
      ...(isMicrosoft ? {} : { knownAuthorities: [authorityUrl.host] }),
    },
    ...(options.networkClient ? { system: { networkClient: options.networkClient } } : {}),
  });
}
