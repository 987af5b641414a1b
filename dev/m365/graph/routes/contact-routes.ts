import { Hono, type Context } from 'hono';
import { assertIfMatch } from '../assert-if-match';
import { compileContactFilter } from '../compile-contact-filter';
import type { ContactFolderRecord, ContactRecord } from '../contact-record';
import type { GraphEnv } from '../graph-env';
import { itemNotFound } from '../graph-error';
import { listPageSize, type PagingConfig } from '../graph-paging';
import { requestedIdType, sendGraphJson, serviceRoot } from '../graph-response';
import { parseContactInput } from '../parse-contact-input';
import { parseExtendedPropertyExpand } from '../parse-extended-property-expand';
import { parseODataFilter } from '../parse-odata-filter';
import { parseSelect } from '../parse-select';
import { readJsonBody } from '../read-json-body';
import { readQueryOptions } from '../read-query-options';
import { contactPropertyNames, renderContact } from '../render-contact';
import { withQueryOption } from '../with-query-option';
import { folderChainPaths, resolveFolderChain } from './folder-chain';

/** Where a contact collection lives: `/contacts` is the default folder, the others name theirs. */
interface ContactScope {
  path: string;
  folder: (c: Context<GraphEnv>) => ContactFolderRecord;
  /** `/contacts/{id}` reaches a contact in any folder; a folder's path only its own. */
  anyFolder: boolean;
}

const scopes: readonly ContactScope[] = [
  { path: '/contacts', folder: (c) => c.get('mailbox').requireFolder(c.get('mailbox').defaultFolderId), anyFolder: true },
  ...folderChainPaths.map((path) => ({ path: `${path}/contacts`, folder: resolveFolderChain, anyFolder: false })),
];

function entityContext(c: Context<GraphEnv>): string {
  return `${serviceRoot(c)}/$metadata#users('${c.get('mailbox').user.id}')/contacts/$entity`;
}

function findContact(c: Context<GraphEnv>, scope: ContactScope): ContactRecord {
  const contact = c.get('mailbox').contact(c.req.param('contactId') ?? '');
  if (!contact || (!scope.anyFolder && contact.folderId !== scope.folder(c).id)) throw itemNotFound();
  return contact;
}

function listContacts(c: Context<GraphEnv>, scope: ContactScope, paging: PagingConfig): Response {
  const url = new URL(c.req.url);
  const query = readQueryOptions(url, ['$top', '$skip', '$select', '$filter', '$expand']);
  const select = parseSelect(query.select, contactPropertyNames, 'contact');
  const expandedPropertyKeys = parseExtendedPropertyExpand(query.expand);
  const matches = query.filter === undefined ? () => true : compileContactFilter(parseODataFilter(query.filter));
  const folder = scope.folder(c);
  const contacts = c.get('mailbox').contactsIn(folder.id).filter(matches);
  const top = listPageSize(query.top, paging);
  const skip = query.skip ?? 0;
  const options = { idType: requestedIdType(c), select: select ? new Set(select) : undefined, expandedPropertyKeys };
  const collection = scope.anyFolder ? 'contacts' : `contactFolders('${folder.id}')/contacts`;
  return sendGraphJson(c, {
    '@odata.context': `${serviceRoot(c)}/$metadata#users('${c.get('mailbox').user.id}')/${collection}`,
    ...(skip + top < contacts.length ? { '@odata.nextLink': withQueryOption(url, '$skip', String(skip + top)) } : {}),
    value: contacts.slice(skip, skip + top).map((contact) => renderContact(contact, options)),
  });
}

/**
 * Contacts: list (`$top`, `$skip`, `$select`, `$filter`, `$expand` of extended properties),
 * create, get, PATCH and DELETE, in the default folder (`/contacts`) or a named one.
 */
export function createContactRoutes(paging: PagingConfig): Hono<GraphEnv> {
  const routes = new Hono<GraphEnv>();
  for (const scope of scopes) {
    routes.get(scope.path, (c) => listContacts(c, scope, paging));

    routes.post(scope.path, async (c) => {
      const input = parseContactInput(await readJsonBody(c));
      const contact = c.get('mailbox').createContact(scope.folder(c).id, input);
      return sendGraphJson(c, renderContact(contact, { idType: requestedIdType(c), context: entityContext(c) }), { status: 201 });
    });

    routes.get(`${scope.path}/:contactId`, (c) => {
      const query = readQueryOptions(new URL(c.req.url), ['$select', '$expand']);
      const select = parseSelect(query.select, contactPropertyNames, 'contact');
      return sendGraphJson(
        c,
        renderContact(findContact(c, scope), {
          idType: requestedIdType(c),
          select: select ? new Set(select) : undefined,
          expandedPropertyKeys: parseExtendedPropertyExpand(query.expand),
          context: entityContext(c),
        }),
      );
    });

    routes.patch(`${scope.path}/:contactId`, async (c) => {
      const contact = findContact(c, scope);
      const input = parseContactInput(await readJsonBody(c));
      assertIfMatch(c, contact);
      const updated = c.get('mailbox').updateContact(contact, input);
      return sendGraphJson(c, renderContact(updated, { idType: requestedIdType(c), context: entityContext(c) }));
    });

    routes.delete(`${scope.path}/:contactId`, (c) => {
      const contact = findContact(c, scope);
      assertIfMatch(c, contact);
      c.get('mailbox').deleteContact(contact);
      return c.body(null, 204);
    });
  }
  return routes;
}
