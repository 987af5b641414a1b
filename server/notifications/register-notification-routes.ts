import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { describeIssues } from '../config/load-config';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { errorBodySchema } from '../http/api-schemas';
import type { GraphNotificationInbox } from './graph-notification-inbox';
import { graphNotificationSchema } from './graph-notification-schema';
import { readValidationToken } from './read-validation-token';

/** Where Graph sends change and lifecycle notifications, relative to the bridge's public URL. */
export const graphNotificationPath = '/api/notifications/graph';
/** Graph's notification batches are small; a larger body is not Graph. */
export const maximumNotificationBodyBytes = 1024 * 1024;

const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: errorBodySchema } } });

/**
 * `POST /api/notifications/graph`: Graph's validation handshake (`?validationToken=`, answered
 * with the decoded token as `text/plain`) and its change and lifecycle notifications (stored, then
 * answered 202; processed afterwards). Callers prove themselves by each subscription's clientState,
 * not by a bearer token.
 */
export function registerNotificationRoutes(app: OpenAPIHono<AppEnv>, inbox: GraphNotificationInbox | undefined) {
  app.use(
    graphNotificationPath,
    bodyLimit({ maxSize: maximumNotificationBodyBytes, onError: () => { throw new ApiError('invalid_input', 413, 'notification body too large'); } }),
  );
  app.openapi(
    createRoute({
      method: 'post', path: graphNotificationPath, tags: ['Notifications'], security: [],
      summary: 'Microsoft Graph change notifications (called by Graph, authenticated by each subscription’s clientState)',
      description: 'With `validationToken`: the subscription validation handshake, answered 200 text/plain with the decoded token. Otherwise a JSON changeNotificationCollection, answered 202 once stored.',
      request: { query: z.object({ validationToken: z.string().optional() }) },
      responses: {
        200: { description: 'The validation token, echoed', content: { 'text/plain': { schema: z.string() } } },
        202: { description: 'Stored for processing (forged notifications are dropped without saying so)' },
        400: errorAnswer('Not a validation request nor a notification collection'),
        413: errorAnswer('Body over 1 MB'),
        503: errorAnswer('Change notifications are not set up on this bridge'),
      },
    }),
    async (c) => {
      if (!inbox) throw new ApiError('unavailable', 503, 'change notifications are not set up on this bridge');
      const bodyText = await c.req.text();
      const { validationToken } = c.req.valid('query');
      if (validationToken !== undefined) {
        return c.text(readValidationToken(validationToken, bodyText), 200, { 'content-type': 'text/plain; charset=utf-8' });
      }
      let json: unknown;
      try {
        json = JSON.parse(bodyText);
      } catch {
        throw new ApiError('invalid_input', 400, 'the body is not JSON');
      }
      const parsed = graphNotificationSchema.safeParse(json);
      if (!parsed.success) throw new ApiError('invalid_input', 400, describeIssues(parsed.error));
      const outcome = await inbox.receive(parsed.data);
      c.get('logger').debug(outcome, 'graph notifications received');
      return c.body(null, 202);
    },
  );
}
