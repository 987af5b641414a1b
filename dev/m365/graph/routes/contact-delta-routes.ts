import { Hono } from 'hono';
import type { GraphEnv } from '../graph-env';
import { GraphError } from '../graph-error';
import { deltaPageSize, type PagingConfig } from '../graph-paging';
import { requestedIdType, sendGraphJson, serviceRoot } from '../graph-response';
import { parsePreferHeader } from '../parse-prefer-header';
import { parseSelect } from '../parse-select';
import { readContactDeltaPage } from '../read-contact-delta-page';
import { deltaTokenOf } from '../read-delta-round-page';
import { readQueryOptions } from '../read-query-options';
import { contactPropertyNames, renderContact } from '../render-contact';
import { folderChainPaths, resolveFolderChain } from './folder-chain';

/**
 * `GET …/contactFolders/{id}/contacts/delta`: rounds of `@odata.nextLink` pages ending with an
 * `@odata.deltaLink`; tokens carry the round's `$select`; an unknown or expired token is 410.
 */
export function createContactDeltaRoutes(paging: PagingConfig): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  routes.get('/contacts/delta', () => {
    throw new GraphError(400, 'BadRequest', 'In v1.0, contact delta is a function of a contact folder: use /contactFolders/{id}/contacts/delta.');
  });

  for (const path of folderChainPaths) {
    routes.get(`${path}/contacts/delta`, (c) => {
      const url = new URL(c.req.url);
      const query = readQueryOptions(url, ['$select', '$skiptoken', '$deltatoken']);
      const folder = resolveFolderChain(c);
      const { pageSize, requested } = deltaPageSize(parsePreferHeader(c.req.header('prefer')), paging);
      const token = deltaTokenOf(query);
      const base = `${url.origin}${url.pathname}`;
      const page = readContactDeltaPage(c.get('mailbox'), {
        folderId: folder.id,
        token,
        select: token ? undefined : parseSelect(query.select, contactPropertyNames, 'contact'),
        pageSize,
        resetLocation: `${base}?$deltatoken=`,
      });

      const idType = requestedIdType(c);
      const select = page.select ? new Set(page.select) : undefined;
      const value = page.entries.map((entry) =>
        entry.kind === 'present'
          ? renderContact(entry.contact, { idType, select })
          : {
              '@odata.type': '#microsoft.graph.contact',
              id: idType === 'immutable' ? entry.immutableId : entry.restId,
              '@removed': { reason: 'deleted' },
            },
      );
      const link =
        page.link.kind === 'next'
          ? { '@odata.nextLink': `${base}?$skiptoken=${page.link.skipToken}` }
          : { '@odata.deltaLink': `${base}?$deltatoken=${page.link.deltaToken}` };
      return sendGraphJson(
        c,
        { '@odata.context': `${serviceRoot(c)}/$metadata#Collection(contact)`, ...link, value },
        { appliedPageSize: requested ? pageSize : undefined },
      );
    });
  }
  return routes;
}
