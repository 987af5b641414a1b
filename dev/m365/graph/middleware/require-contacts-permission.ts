import type { MiddlewareHandler } from 'hono';
import type { GraphEnv } from '../graph-env';
import { accessDenied } from '../graph-error';
import { assertPermission, contactsRead, contactsWrite } from '../graph-permissions';

/** Reads need Contacts.Read or Contacts.ReadWrite; writes need Contacts.ReadWrite (delegated or application). */
export const requireContactsPermission: MiddlewareHandler<GraphEnv> = async (c, next) => {
  assertPermission(c.get('principal'), c.req.method === 'GET' ? contactsRead : contactsWrite, accessDenied);
  await next();
};
