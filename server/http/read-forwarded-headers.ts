import type { MiddlewareHandler } from 'hono';
import proxyAddress from 'proxy-addr';
import type { AppEnv } from './app-env';
import { ApiError } from './api-error';

export interface ForwardedHeaderOptions {
  /**
   * Addresses of the reverse proxies in front of the bridge (`server.trustProxy`): IPs, CIDR
   * ranges or proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`). Empty: none.
   */
  trustProxy: readonly string[];
  /** `server.publicUrl`: when set, the origin of every absolute URL, whatever the request says. */
  publicUrl?: string;
  /** Whether the bridge itself serves HTTPS (`server.tls`). */
  https: boolean;
}

/** A host name or address with an optional port, as `Host` and `X-Forwarded-Host` carry it. */
const hostPattern = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

/**
 * Sets `client`: the address of whoever sent the request and the origin it used. Behind a trusted
 * proxy they come from `X-Forwarded-For`, `X-Forwarded-Proto` and `X-Forwarded-Host`; from any other
 * peer those headers are ignored, so a client cannot claim another address or origin.
 */
export function readForwardedHeaders(options: ForwardedHeaderOptions): MiddlewareHandler<AppEnv> {
  const trusted = proxyAddress.compile([...options.trustProxy]);
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : undefined;
  return async (c, next) => {
    // Absent when the app is called in process (`app.request`), where no socket exists.
    const incoming = c.env?.incoming;
    const peer = incoming?.socket.remoteAddress;
    const viaProxy = peer !== undefined && options.trustProxy.length > 0 && trusted(peer, 0);
    const address = incoming && viaProxy ? proxyAddress(incoming, trusted) : peer;
    const forwarded = (name: string) => (viaProxy ? c.req.header(name)?.split(',')[0]?.trim() : undefined) || undefined;

    const protocol = forwarded('x-forwarded-proto') ?? (options.https ? 'https' : 'http');
    if (protocol !== 'http' && protocol !== 'https') throw new ApiError('invalid_input', 400, `X-Forwarded-Proto from the proxy must be http or https, not "${protocol.slice(0, 20)}"`);
    const host = forwarded('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host;
    if (!hostPattern.test(host)) throw new ApiError('invalid_input', 400, 'the request’s host (Host or X-Forwarded-Host) is not a host name');

    c.set('client', { ...(address ? { address } : {}), origin: publicOrigin ?? `${protocol}://${host}` });
    await next();
  };
}
