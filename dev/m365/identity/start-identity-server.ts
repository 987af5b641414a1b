import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { buildCloudDiscovery } from './build-cloud-discovery';
import { buildOpenIdConfiguration } from './build-openid-configuration';
import { createIdentityApp } from './create-identity-app';
import { createRefreshTokenStore } from './create-refresh-token-store';
import { createSelfSignedCertificate, type TlsCertificate } from './create-self-signed-certificate';
import { createTokenSigner, type SignOptions } from './create-token-signer';
import { demoDirectory } from './demo-directory';
import { createDeviceCodeStore } from './device-code-store';
import type { IdentityDirectory } from './identity-directory';
import { resolveTenant } from './resolve-tenant';

const deviceCodeLifetimeSeconds = 900;

export interface IdentityServerOptions {
  /** Seed data; copied, so the caller's object is never changed. The demo directory by default. */
  directory?: IdentityDirectory;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** `true` generates a loopback certificate; or pass one to keep the same across restarts. */
  https?: boolean | TlsCertificate;
  /** Clock for issued tokens, assertions and refresh-token expiry. */
  now?: () => Date;
  /** Entra issues 60–90 minute access tokens; one hour here. */
  accessTokenLifetimeSeconds?: number;
  /** Inactivity after which a refresh token is refused (AADSTS700082); 90 days like Entra. */
  refreshTokenLifetimeSeconds?: number;
  /** Seconds a device-code client waits between polls; Entra says 5, tests may say less. */
  deviceCodeIntervalSeconds?: number;
  /**
   * Also serve plain HTTP on this loopback port (0: a free one) for people's browsers, which trust
   * no private certificate but treat loopback HTTP as secure: the consent and device login pages.
   */
  browserPort?: number;
}

export interface IdentityServer {
  /** `http://127.0.0.1:<port>` or `https://…`: the authority host; tenants go below it. */
  url: string;
  /** The live directory: push users or consents and the next request sees them. */
  directory: IdentityDirectory;
  /** PEM certificate to trust when serving HTTPS. */
  certificate: string | undefined;
  /** `http://127.0.0.1:<browserPort>` when asked for: the same server, for browsers. */
  browserUrl: string | undefined;
  /** Signs exactly these claims with the server's key, for tokens no grant would issue. */
  signAccessToken(claims: Record<string, unknown>, options?: SignOptions): Promise<string>;
  /** What `@azure/msal-node` needs to use this server without looking anything up. */
  msalAuthorityOptions(tenant: string): { authority: string; knownAuthorities: string[]; authorityMetadata: string; cloudDiscoveryMetadata: string };
  close(): Promise<void>;
}

/**
 * Starts the Entra stand-in on 127.0.0.1.
 *
 * @example
 * const identity = await startIdentityServer({ https: true });
 * const token = await fetch(`${identity.url}/${demoIds.contosoTenantId}/oauth2/v2.0/token`, { method: 'POST', body: form });
 */
export async function startIdentityServer(options: IdentityServerOptions = {}): Promise<IdentityServer> {
  const directory = structuredClone(options.directory ?? demoDirectory);
  const now = options.now ?? (() => new Date());
  const signer = await createTokenSigner();
  const tls = options.https === true ? await createSelfSignedCertificate() : options.https || undefined;
  let url = '';
  let browserUrl: string | undefined;
  const app = createIdentityApp({
    directory,
    signer,
    browserBaseUrl: () => browserUrl ?? url,
    refreshTokens: createRefreshTokenStore({ lifetimeSeconds: options.refreshTokenLifetimeSeconds ?? 90 * 86_400 }),
    baseUrl: () => url,
    now,
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
    deviceCodes: createDeviceCodeStore({ lifetimeSeconds: deviceCodeLifetimeSeconds }),
    deviceCodePolling: { intervalSeconds: options.deviceCodeIntervalSeconds ?? 5, lifetimeSeconds: deviceCodeLifetimeSeconds },
  });

  const listen = (port: number, secure: boolean, onPort: (port: number) => void) =>
    new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const listening = serve(
        {
          fetch: app.fetch,
          hostname: '127.0.0.1',
          port,
          ...(secure && tls ? { createServer: createHttpsServer, serverOptions: { key: tls.key, cert: tls.cert } } : {}),
        },
        (info: AddressInfo) => {
          onPort(info.port);
          resolve(listening);
        },
      );
      listening.once('error', reject);
    });
  const servers = [await listen(options.port ?? 0, true, (port) => (url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`))];
  if (options.browserPort !== undefined) servers.push(await listen(options.browserPort, false, (port) => (browserUrl = `http://127.0.0.1:${port}`)));

  return {
    url,
    directory,
    certificate: tls?.cert,
    browserUrl,
    signAccessToken: (claims, signOptions) => signer.sign(claims, signOptions),
    msalAuthorityOptions: (tenant) => ({
      authority: `${url}/${tenant}`,
      knownAuthorities: [new URL(url).host],
      authorityMetadata: JSON.stringify(buildOpenIdConfiguration(url, resolveTenant(directory, tenant))),
      cloudDiscoveryMetadata: JSON.stringify(buildCloudDiscovery(url, tenant)),
    }),
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve, reject) => {
              server.close((error) => (error ? reject(error) : resolve()));
              // Keep-alive sockets of fetch clients would hold close() open.
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
