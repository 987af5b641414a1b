import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ContactFolderRecord } from '../contact-record';
import type { GraphEnv } from '../graph-env';
import { GraphError, invalidRequestBody } from '../graph-error';
import { listPageSize, type PagingConfig } from '../graph-paging';
import { sendGraphJson, serviceRoot } from '../graph-response';
import { invalidFilter, parseODataFilter } from '../parse-odata-filter';
import { parseSelect } from '../parse-select';
import { readJsonBody } from '../read-json-body';
import { readQueryOptions } from '../read-query-options';
import { contactFolderPropertyNames, renderContactFolder } from '../render-contact-folder';
import { withQueryOption } from '../with-query-option';
import { folderChainPaths, resolveFolderChain } from './folder-chain';

const folderInputSchema = z.strictObject({ displayName: z.string().trim().min(1) });

/** Annotations and the ignored `parentFolderId` (the URL decides the parent) are dropped first. */
function parseFolderInput(body: unknown): { displayName: string } {
  const cleaned =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).filter(([name]) => !name.startsWith('@odata.') && name !== 'parentFolderId' && name !== 'id'))
      : body;
  const parsed = folderInputSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    throw invalidRequestBody(`The property '${issue.keys[0] ?? ''}' does not exist on type 'microsoft.graph.contactFolder'.`);
  }
  throw new GraphError(400, 'ErrorInvalidRequest', 'A contact folder needs a non-empty displayName.');
}

/** Folders answer `$filter` on `displayName` (for "find the ERP folder"). */
function folderFilter(filter: string | undefined): (folder: ContactFolderRecord) => boolean {
  if (filter === undefined) return () => true;
  const expression = parseODataFilter(filter);
  if (expression.kind !== 'comparison' || expression.comparison.path !== 'displayname') throw invalidFilter();
  const { operator, value } = expression.comparison;
  const wanted = value.toLowerCase();
  return (folder) => {
    const name = folder.displayName.toLowerCase();
    if (operator === 'eq') return name === wanted;
    if (operator === 'ne') return name !== wanted;
    if (operator === 'contains') return name.includes(wanted);
    return name.startsWith(wanted);
  };
}

function listFolders(c: Context<GraphEnv>, paging: PagingConfig, parentFolderId: string, contextPath: string): Response {
  const url = new URL(c.req.url);
  const query = readQueryOptions(url, ['$top', '$skip', '$select', '$filter']);
  const select = parseSelect(query.select, contactFolderPropertyNames, 'contactFolder');
  const folders = c.get('mailbox').childFolders(parentFolderId).filter(folderFilter(query.filter));
  const top = listPageSize(query.top, paging);
  const skip = query.skip ?? 0;
  const selected = select ? new Set(select) : undefined;
  return sendGraphJson(c, {
    '@odata.context': `${serviceRoot(c)}/$metadata#users('${c.get('mailbox').user.id}')/${contextPath}`,
    ...(skip + top < folders.length ? { '@odata.nextLink': withQueryOption(url, '$skip', String(skip + top)) } : {}),
    value: folders.slice(skip, skip + top).map((folder) => renderContactFolder(folder, selected)),
  });
}

async function createFolder(c: Context<GraphEnv>, parentFolderId: string): Promise<Response> {
  const { displayName } = parseFolderInput(await readJsonBody(c));
  const folder = c.get('mailbox').createFolder(parentFolderId, displayName);
  const context = `${serviceRoot(c)}/$metadata#users('${c.get('mailbox').user.id}')/contactFolders/$entity`;
  return sendGraphJson(c, renderContactFolder(folder, undefined, context), { status: 201 });
}

/**
 * Contact folders: the children of the default Contacts folder at `/contactFolders`, any folder
 * by id, and child folders below it (`/contactFolders/{id}/childFolders/{id}/…`).
 */
export function createContactFolderRoutes(paging: PagingConfig): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  routes.get('/contactFolders', (c) => listFolders(c, paging, c.get('mailbox').defaultFolderId, 'contactFolders'));
  routes.post('/contactFolders', (c) => createFolder(c, c.get('mailbox').defaultFolderId));

  for (const path of folderChainPaths) {
    routes.get(path, (c) => {
      const query = readQueryOptions(new URL(c.req.url), ['$select']);
      const select = parseSelect(query.select, contactFolderPropertyNames, 'contactFolder');
      const context = `${serviceRoot(c)}/$metadata#users('${c.get('mailbox').user.id}')/contactFolders/$entity`;
      return sendGraphJson(c, renderContactFolder(resolveFolderChain(c), select ? new Set(select) : undefined, context));
    });
    routes.patch(path, async (c) => {
      const folder = resolveFolderChain(c);
      const { displayName } = parseFolderInput(await readJsonBody(c));
      return sendGraphJson(c, renderContactFolder(c.get('mailbox').renameFolder(folder.id, displayName)));
    });
    routes.delete(path, (c) => {
      c.get('mailbox').deleteFolder(resolveFolderChain(c).id);
      return c.body(null, 204);
    });
    routes.get(`${path}/childFolders`, (c) => {
      const folder = resolveFolderChain(c);
      return listFolders(c, paging, folder.id, `contactFolders('${folder.id}')/childFolders`);
    });
    routes.post(`${path}/childFolders`, (c) => createFolder(c, resolveFolderChain(c).id));
  }
  return routes;
}
