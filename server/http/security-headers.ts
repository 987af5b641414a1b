import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The Office hosts that embed add-in pages in a frame (Outlook on the web, Office on the web, the
 * new Outlook, Microsoft 365 app). Desktop and mobile Outlook load the page as the top document
 * of a web view, where frame-ancestors does not apply. See docs/security.md.
 */
export const officeFrameAncestors = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.cloud.microsoft',
  'https://outlook.live.com',
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
] as const;

/** Office.js must be loaded from Microsoft's CDN in production (it loads its host scripts from there too). */
export const officeJsOrigin = 'https://appsforoffice.microsoft.com';

/**
 * Everywhere: `X-Content-Type-Options: nosniff` and hono's other defaults, but no X-Frame-Options
 * (Office frames the taskpane) and no cross-origin resource or opener policy (Office loads the
 * icons from its own origin; the sign-in popup needs its opener).
 */
const everywhere = { xFrameOptions: false, crossOriginResourcePolicy: false, crossOriginOpenerPolicy: false } as const;

export const baseSecurityHeaders = (): MiddlewareHandler => secureHeaders(everywhere);

/** The API page: Swagger UI from the bridge only, never framed. */
export const docsSecurityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    ...everywhere,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"],
    },
  });

/**
 * The taskpane's pages (every `.html` of the add-in build): scripts from the bridge and Office.js
 * only, styles inline too (Fluent UI writes its rules at run time), framed only by the Office hosts
 * and the origins the configuration adds (`server.frameAncestors`).
 */
export const taskpaneSecurityHeaders = (extraFrameAncestors: readonly string[] = []): MiddlewareHandler => {
  const headers = secureHeaders({
    ...everywhere,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'", officeJsOrigin], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      // MSAL's fallback sign-in talks to the configured authority, which may be any HTTPS host (a private identity server).
      connectSrc: ["'self'", 'https:'], frameSrc: ["'self'", 'https:'],
      objectSrc: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"],
      frameAncestors: ["'self'", ...officeFrameAncestors, ...extraFrameAncestors],
    },
  });
  return (c, next) => (c.req.path.endsWith('.html') ? headers(c, next) : next());
};
