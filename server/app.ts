import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { requestId } from 'hono/request-id';
import { ApiError } from './http/api-error';
import { closeUnreadConnections } from './http/close-unread-connections';
import { compressibleAnswer } from './http/compressible-answer';
import { enforceRateLimits } from './http/enforce-rate-limits';
import { baseSecurityHeaders, docsSecurityHeaders, taskpaneSecurityHeaders } from './http/security-headers';
import { type AppDeps, createRouter } from './http/app-env';
import { errorHandler } from './http/handle-error';
import { readForwardedHeaders } from './http/read-forwarded-headers';
import { serveTaskpane } from './http/serve-taskpane';
import { serveMetrics } from './metrics/serve-metrics';
import { rememberUser } from './routes/actor';
import { registerAccountRoutes } from './routes/account-routes';
import { registerActionRoutes } from './routes/action-routes';
import { registerAdminDoctorRoutes } from './routes/admin-doctor-routes';
import { registerAdminRoutes, registerAdminSyncRoutes } from './routes/admin-routes';
import { registerContactRoutes } from './routes/contact-routes';
import { registerDocsRoutes } from './routes/docs-routes';
import { registerHealthRoutes } from './routes/health-routes';
import { registerLogRoutes } from './routes/log-routes';
import { registerMeRoutes } from './routes/me-routes';
import { registerSyncRoutes } from './routes/sync-routes';

export const apiVersion = '1.0.0';

/** What the bridge serves besides its API. */
export interface AppOptions {
  /** The add-in's production build (`dist/`: taskpane.html, hashed chunks, assets/), served at `/`. */
  staticRoot?: string;
}

/**
 * Builds the bridge's HTTP app from its dependencies; `main.ts` listens, tests call `app.request`.
 * @example const app = createApp({ environments, store, authenticate, logger }, { staticRoot: 'dist' });
 */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = createRouter();

  app.use('*', requestId());
  // Answers a static file already came compressed for (Content-Encoding set) are left as they are.
  app.use('*', compress({ contentTypeFilter: compressibleAnswer }));
  app.use('*', closeUnreadConnections);
  app.use('*', readForwardedHeaders(deps.transport ?? { trustProxy: [], https: false }));
  app.use('*', baseSecurityHeaders());
  app.use('/docs', docsSecurityHeaders());
  app.use('/docs/*', docsSecurityHeaders());
  app.use('*', taskpaneSecurityHeaders(deps.frameAncestors));
  app.use('*', async (c, next) => {
    const logger = deps.logger.child({ requestId: c.get('requestId') });
    c.set('logger', logger);
    const started = performance.now();
    await next();
    logger.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started), client: c.get('client').address }, 'request');
  });
  app.use('/api/*', bodyLimit({ maxSize: deps.maxBodyBytes ?? 2 * 1024 * 1024, onError: () => { throw new ApiError('invalid_input', 413, 'request body too large'); } }));
  app.use('/api/*', async (c, next) => {
    const principal = await deps.authenticate(c.req.header('authorization')).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'AuthError') throw error;
      c.get('logger').warn({ err: error }, 'token keys unavailable');
      throw new ApiError('unavailable', 503, 'the sign-in service cannot be reached to check the token; try again shortly');
    });
    const environment = deps.environments.get(principal.environment);
    if (!environment) throw new ApiError('forbidden', 403, `environment ${principal.environment} is not configured`);
    c.set('principal', principal);
    c.set('environment', environment);
    await next();
  });
  if (deps.rateLimits) app.use('/api/*', enforceRateLimits(deps.rateLimits));
  app.use('/api/*', async (c, next) => {
    await rememberUser(c, deps);
    await next();
  });

  registerHealthRoutes(app, deps);
  registerMeRoutes(app, deps);
  registerContactRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerActionRoutes(app, deps);
  registerLogRoutes(app, deps);
  registerSyncRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerAdminSyncRoutes(app, deps);
  registerAdminDoctorRoutes(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Entra ID v2 access token for the scope api://<host>/<applicationId>/access_as_user',
  });
  app.doc31('/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: { title: 'ERP Bridge for Outlook API', version: apiVersion, description: 'The API of the ERP bridge, used by the Outlook add-in.' },
    // The origin the caller reached the bridge at (its proxy's, when one is trusted), so "Try it out" calls it there.
    servers: [{ url: c.get('client').origin }],
    security: [{ bearer: [] }],
  }));
  registerDocsRoutes(app);
  // Left out of the OpenAPI document: it is the operators' endpoint, not the add-in's API.
  if (deps.metrics) app.get('/metrics', serveMetrics(deps.metrics));

  if (options.staticRoot) {
    const files = serveTaskpane(options.staticRoot, deps.logger);
    // After the API: a file never shadows a route, and /api/* misses stay JSON 404s.
    app.get('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : files(c, next)));
  }

  app.notFound((c) => c.json({ code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError(errorHandler((c) => c.get('logger') ?? deps.logger));
  return app;
}

export type BridgeApp = ReturnType<typeof createApp>;
