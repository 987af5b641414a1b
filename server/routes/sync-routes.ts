import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { erpIdSchema } from '../../src/domain/erp-records';
import { createContactFolder } from '../../src/graph/contacts/create-contact-folder';
import { listContactFolders } from '../../src/graph/contacts/list-contact-folders';
import { SyncError } from '../../src/sync/sync-error';
import { consentRequired, consentScopes } from '../auth/graph-token-sources';
import { ApiError, notFound } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { conflictError, errors, jsonBody, notFoundError, ok } from '../http/api-schemas';
import { graphContext, requireActivated, syncContext } from './sync-context';

const tags = ['Sync'];

const folder = z.object({ id: z.string(), displayName: z.string() }).meta({ id: 'ContactFolder' });
const runSchema = z
  .object({
    id: z.string(), kind: z.string(), status: z.string(), stage: z.string(), done: z.number(), total: z.number(),
    startedAt: z.string(), finishedAt: z.string().optional(), report: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'SyncRun' });
const conflict = z
  .object({
    id: z.string(), entity: z.string(), erpId: z.string(), field: z.string(), erpValue: z.unknown(), outlookValue: z.unknown(),
    status: z.enum(['open', 'resolved']), resolution: z.enum(['erp', 'outlook']).optional(), createdAt: z.string(),
  })
  .meta({ id: 'SyncConflict' });
const suppressed = z.object({ erpId: z.string(), outlookId: z.string(), updatedAt: z.string() }).meta({ id: 'SuppressedContact' });

export function registerSyncRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/me/contact-folders', tags, summary: 'My Outlook contact folders, to choose the one to sync',
      responses: { 200: ok(z.object({ items: z.array(folder) }), 'The folders'), ...errors },
    }),
    async (c) => {
      const { environment, user, graphAccess } = graphContext(c, deps);
      const folders = await listContactFolders(graphAccess.clientFor(environment, user), graphAccess.mailboxOf(user));
      const items = folders.map((f) => ({ id: f.id ?? '', displayName: f.displayName ?? '' })).sort((a, b) => a.displayName.localeCompare(b.displayName));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/me/contact-folders', tags, summary: 'Create a contact folder (for example ERP) in my mailbox',
      request: jsonBody(z.object({ displayName: z.string().trim().min(1).max(255) })),
      responses: { 201: ok(folder, 'The new folder'), ...errors, ...conflictError },
    }),
    async (c) => {
      const { environment, user, graphAccess } = graphContext(c, deps);
      const created = await createContactFolder(graphAccess.clientFor(environment, user), graphAccess.mailboxOf(user), c.req.valid('json').displayName);
      return c.json({ id: created.id ?? '', displayName: created.displayName ?? '' }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/me/sync/connect', tags,
      summary: 'Let sync act for me while Outlook is closed (delegated environments: exchanges my token once)',
      responses: { 200: ok(z.object({ connected: z.boolean() }), 'Connected'), ...errors },
    }),
    async (c) => {
      const { environment, user, graphAccess } = graphContext(c, deps);
      const bearer = (c.req.header('authorization') ?? '').replace(/^Bearer\s+/i, '');
      await graphAccess.connect(environment, user, bearer).catch((error: unknown) => {
        if (!(error instanceof SyncError) || error.graphCode !== consentRequired) throw error;
        // The user may consent for themselves: the pane opens this tenant's authority, as browsers reach it.
        const authority = `${(deps.consentAuthority ?? deps.authority ?? 'https://login.microsoftonline.com').replace(/\/+$/, '')}/${user.tenantId}`;
        throw new ApiError('consent_required', 403, error.message, { scopes: consentScopes, authority });
      });
      return c.json({ connected: await graphAccess.isConnected(environment, user) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/me/sync/preview', tags, summary: 'Dry run: what the next contact sync would change, with no writes',
      responses: { 200: ok(z.record(z.string(), z.unknown()), 'The preview'), ...errors },
    }),
    async (c) => {
      const { environment, user, contactSync } = syncContext(c, deps);
      await requireActivated(c, deps);
      return c.json({ ...(await contactSync.preview(environment, user)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/me/sync/runs', tags, summary: 'Sync my contacts now; answers at once with the run to follow',
      request: { body: { content: { 'application/json': { schema: z.object({ confirmRemovals: z.boolean().default(false) }) } }, required: false } },
      responses: { 202: ok(z.object({ runId: z.string() }), 'The run started (or the one already running)'), ...errors },
    }),
    async (c) => {
      const { environment, user, contactSync } = syncContext(c, deps);
      await requireActivated(c, deps);
      const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : { confirmRemovals: false };
      return c.json(await contactSync.runNow(environment, user, { confirmRemovals: body.confirmRemovals }), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/me/sync/runs/{id}', tags, summary: 'A run of mine: stage, progress (done / total), result',
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: { 200: ok(runSchema, 'The run'), ...errors, ...notFoundError },
    }),
    async (c) => {
      const { user } = graphContext(c, deps);
      const run = await deps.store.runs.get(user, c.req.valid('param').id);
      if (!run) throw notFound('run');
      const { user: _user, ...rest } = run;
      return c.json(rest, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/me/conflicts', tags, summary: 'My open sync conflicts, with both values',
      responses: { 200: ok(z.object({ items: z.array(conflict) }), 'The conflicts'), ...errors },
    }),
    async (c) => {
      const { user } = graphContext(c, deps);
      const items = await deps.store.conflicts.listForUser(user, 'open');
      return c.json({ items: items.map(({ user: _user, resolvedAt: _resolvedAt, ...rest }) => rest) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/me/conflicts/{id}/resolve', tags, summary: 'Keep the ERP or the Outlook value of a conflict; the next run applies it',
      request: { params: z.object({ id: z.string().min(1).max(100) }), ...jsonBody(z.object({ resolution: z.enum(['erp', 'outlook']) })) },
      responses: { 200: ok(z.object({ resolved: z.literal(true) }), 'Resolved'), ...errors, ...notFoundError },
    }),
    async (c) => {
      const { user } = graphContext(c, deps);
      const resolved = await deps.store.conflicts.resolve(user, c.req.valid('param').id, c.req.valid('json').resolution, (deps.now?.() ?? new Date()).toISOString());
      if (!resolved) throw notFound('open conflict');
      return c.json({ resolved: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/me/suppressed', tags, summary: 'Synced contacts I deleted in Outlook: kept out of Outlook until restored',
      responses: { 200: ok(z.object({ items: z.array(suppressed) }), 'The suppressed contacts'), ...errors },
    }),
    async (c) => {
      const { user } = graphContext(c, deps);
      const links = await deps.store.links.listForUser(user, 'contact');
      const items = links.filter((link) => link.state === 'suppressed').map(({ erpId, outlookId, updatedAt }) => ({ erpId, outlookId, updatedAt }));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/me/suppressed/{erpId}/restore', tags, summary: 'Put a contact I deleted back into Outlook at the next run',
      request: { params: z.object({ erpId: erpIdSchema }) },
      responses: { 200: ok(z.object({ restored: z.literal(true) }), 'Restored'), ...errors, ...notFoundError },
    }),
    async (c) => {
      const { user } = graphContext(c, deps);
      const { erpId } = c.req.valid('param');
      const link = await deps.store.links.get(user, 'contact', erpId);
      if (link?.state !== 'suppressed') throw notFound(`suppressed contact ${erpId}`);
      // The engine recreates an unlinked ERP record: removing the suppressed link is the restore.
      await deps.store.links.remove(user, 'contact', erpId);
      return c.json({ restored: true as const }, 200);
    },
  );
}
