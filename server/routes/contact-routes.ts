import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { emailSchema, erpIdSchema } from '../../src/domain/erp-records';
import { notFound } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import {
  actionPage,
  conflictError,
  contactInput,
  contactPage,
  contactPatch,
  contactSchema,
  errors,
  idParams,
  jsonBody,
  notFoundError,
  ok,
  pageQuery,
} from '../http/api-schemas';
import { actorOf } from './actor';
import { listVisibleActions } from './action-visibility';
import { audit } from './audit';

const contactQuery = pageQuery.extend({
  email: emailSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  accountId: erpIdSchema.optional(),
});

const tags = ['Contacts'];

export function registerContactRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/contacts', tags,
      summary: 'Search contacts by exact email (any of theirs, case-insensitive), name or company prefix, or account',
      request: { query: contactQuery },
      responses: { 200: ok(contactPage, 'A page of contacts'), ...errors },
    }),
    async (c) => {
      const { email, q, accountId, cursor, limit } = c.req.valid('query');
      const page = await c.get('environment').erp.searchContacts({ email, text: q, accountId, cursor, limit });
      return c.json(page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/contacts/{id}', tags, summary: 'Get a contact',
      request: { params: idParams },
      responses: { 200: ok(contactSchema, 'The contact'), ...errors, ...notFoundError },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const contact = await c.get('environment').erp.getContact(id);
      if (!contact) throw notFound(`contact ${id}`);
      return c.json(contact, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/contacts', tags, summary: 'Create a contact',
      request: jsonBody(contactInput),
      responses: { 201: ok(contactSchema, 'The new contact'), ...errors },
    }),
    async (c) => {
      const actor = await actorOf(c, deps);
      const contact = await c.get('environment').erp.createContact(c.req.valid('json'), actor);
      await audit(c, deps, 'contact.create', contact.id);
      return c.json(contact, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/api/contacts/{id}', tags,
      summary: 'Change a contact; the body carries the version read, a stale one gets 409',
      request: { params: idParams, ...jsonBody(contactPatch) },
      responses: { 200: ok(contactSchema, 'The changed contact'), ...errors, ...notFoundError, ...conflictError },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const actor = await actorOf(c, deps);
      const contact = await c.get('environment').erp.updateContact(id, c.req.valid('json'), actor);
      await audit(c, deps, 'contact.update', contact.id);
      return c.json(contact, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/contacts/{id}/actions', tags, summary: 'Recent actions of a contact, newest first',
      request: { params: idParams, query: pageQuery },
      responses: { 200: ok(actionPage, 'A page of actions'), ...errors, ...notFoundError },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { cursor, limit } = c.req.valid('query');
      const erp = c.get('environment').erp;
      if (!(await erp.getContact(id))) throw notFound(`contact ${id}`);
      return c.json(await listVisibleActions(c, deps, { contactId: id, cursor, limit }), 200);
    },
  );
}
