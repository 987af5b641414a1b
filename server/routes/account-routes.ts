import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { notFound } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { accountPage, accountSchema, actionPage, errors, idParams, notFoundError, ok, pageQuery } from '../http/api-schemas';
import { listVisibleActions } from './action-visibility';

const tags = ['Accounts'];

export function registerAccountRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/accounts', tags, summary: 'Search accounts (companies) by name prefix',
      request: { query: pageQuery.extend({ q: z.string().trim().min(1).max(100).optional() }) },
      responses: { 200: ok(accountPage, 'A page of accounts'), ...errors },
    }),
    async (c) => {
      const { q, cursor, limit } = c.req.valid('query');
      return c.json(await c.get('environment').erp.searchAccounts({ text: q, cursor, limit }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/accounts/{id}', tags, summary: 'Get an account',
      request: { params: idParams },
      responses: { 200: ok(accountSchema, 'The account'), ...errors, ...notFoundError },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const account = await c.get('environment').erp.getAccount(id);
      if (!account) throw notFound(`account ${id}`);
      return c.json(account, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/accounts/{id}/actions', tags, summary: 'Recent actions of an account, newest first',
      request: { params: idParams, query: pageQuery },
      responses: { 200: ok(actionPage, 'A page of actions'), ...errors, ...notFoundError },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { cursor, limit } = c.req.valid('query');
      const erp = c.get('environment').erp;
      if (!(await erp.getAccount(id))) throw notFound(`account ${id}`);
      return c.json(await listVisibleActions(c, deps, { accountId: id, cursor, limit }), 200);
    },
  );
}
