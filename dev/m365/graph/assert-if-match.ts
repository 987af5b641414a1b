import type { Context } from 'hono';
import type { GraphEnv } from './graph-env';
import { GraphError } from './graph-error';

/**
 * Optimistic concurrency: an `If-Match` naming another version than the stored change key is
 * refused with 412, as Exchange refuses a stale change key (graph-facts §3; unverified for If-Match).
 */
export function assertIfMatch(c: Context<GraphEnv>, item: { changeKey: string }): void {
  const header = c.req.header('if-match');
  if (header === undefined || header.trim() === '*') return;
  const matches = header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1'))
    .includes(item.changeKey);
  if (!matches) {
    throw new GraphError(
      412,
      'ErrorIrresolvableConflict',
      'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
    );
  }
}
