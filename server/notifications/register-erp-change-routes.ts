import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { erpIdSchema } from '../../src/domain/erp-records';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { errorBodySchema, jsonBody, ok } from '../http/api-schemas';
import type { ErpChangeHook } from './create-erp-change-hook';

/** Where an ERP tells the bridge that records changed. */
export const erpChangePath = '/api/erp/changes';

const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: errorBodySchema } } });
const changeBody = z
  .strictObject({
    environment: z.string().min(1).max(63),
    /** ERP ids of the contacts that changed; absent: "something changed", every mailbox of the environment syncing contacts. */
    contacts: z.array(erpIdSchema).max(1000).optional(),
    /** ERP ids of the actions that changed (edited, reassigned, deleted); with `contacts` absent too: every mailbox syncing contacts or actions. */
    actions: z.array(erpIdSchema).max(1000).optional(),
  })
  .meta({ id: 'ErpChanges' });

/**
 * `POST /api/erp/changes`: an ERP that can call out names the contacts and actions that changed (or nothing),
 * proving itself with its environment's secret in `X-Erp-Change-Secret`; the mailboxes concerned
 * are synced at once instead of at the next poll.
 */
export function registerErpChangeRoutes(app: OpenAPIHono<AppEnv>, hook: ErpChangeHook | undefined) {
  app.openapi(
    createRoute({
      method: 'post', path: erpChangePath, tags: ['ERP changes'], security: [],
      summary: 'The ERP says which contacts and actions changed (authenticated by the environment’s X-Erp-Change-Secret)',
      request: { headers: z.object({ 'x-erp-change-secret': z.string().max(1024).optional() }), ...jsonBody(changeBody) },
      responses: {
        202: ok(z.object({ mailboxes: z.number().int() }), 'Runs queued for this many mailboxes'),
        400: errorAnswer('Malformed body'),
        401: errorAnswer('Not the environment’s secret'),
        413: errorAnswer('Body too large'),
        503: errorAnswer('ERP change triggers are not set up on this bridge'),
      },
    }),
    async (c) => {
      if (!hook) throw new ApiError('unavailable', 503, 'ERP change triggers are not set up on this bridge');
      const { environment, contacts, actions } = c.req.valid('json');
      const names = { ...(contacts ? { contacts } : {}), ...(actions ? { actions } : {}) };
      const result = await hook.receive(environment, c.req.valid('header')['x-erp-change-secret'], names);
      return c.json(result, 202);
    },
  );
}
