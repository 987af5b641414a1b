import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { ApiError, forbidden, notFound } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { actionInput, actionPatch, actionSchema, conflictError, errors, idParams, jsonBody, notFoundError, ok } from '../http/api-schemas';
import { actorOf } from './actor';
import { ownershipViolation } from './action-ownership';
import { findVisibleAction } from './action-visibility';
import { audit } from './audit';

const tags = ['Actions'];

export function registerActionRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/actions/{id}', tags, summary: 'Get an action',
      request: { params: idParams },
      responses: { 200: ok(actionSchema, 'The action'), ...errors, ...notFoundError },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      // Another owner's private action is reported as missing, not as forbidden: its existence is private too.
      const action = await findVisibleAction(c, deps, id);
      if (!action) throw notFound(`action ${id}`);
      return c.json(action, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/actions', tags, summary: 'Create an action (call, visit, meeting, email, task, note)',
      request: jsonBody(actionInput),
      responses: { 201: ok(actionSchema, 'The new action'), ...errors },
    }),
    async (c) => {
      const actor = await actorOf(c, deps);
      const input = c.req.valid('json');
      const violation = ownershipViolation({ callerId: actor.erpUserId, callerIsAdmin: c.get('principal').isAdmin, requested: input });
      if (violation) throw forbidden(violation);
      const action = await c.get('environment').erp.createAction({ ...input, ownerId: input.ownerId ?? actor.erpUserId }, actor);
      await audit(c, deps, 'action.create', action.id, { type: action.type });
      return c.json(action, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/api/actions/{id}', tags,
      summary: 'Change an action; the body carries the version read, a stale one gets 409',
      request: { params: idParams, ...jsonBody(actionPatch) },
      responses: { 200: ok(actionSchema, 'The changed action'), ...errors, ...notFoundError, ...conflictError },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const erp = c.get('environment').erp;
      const actor = await actorOf(c, deps);
      const current = await findVisibleAction(c, deps, id);
      if (!current) throw notFound(`action ${id}`);
      const patch = c.req.valid('json');
      const violation = ownershipViolation({ callerId: actor.erpUserId, callerIsAdmin: c.get('principal').isAdmin, current, requested: patch });
      if (violation) throw forbidden(violation);
      const start = patch.start ?? current.start;
      const end = patch.end ?? current.end;
      if (start && end && Date.parse(end) < Date.parse(start)) throw new ApiError('invalid_input', 400, 'end is before start');
      const action = await erp.updateAction(id, patch, actor);
      await audit(c, deps, 'action.update', action.id);
      return c.json(action, 200);
    },
  );
}
