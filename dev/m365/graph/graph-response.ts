import type { Context } from 'hono';
import type { GraphEnv } from './graph-env';
import { parsePreferHeader } from './parse-prefer-header';
import type { IdType } from './render-contact';
import { resolveTimeZone, type ResolvedTimeZone, utcTimeZone } from './resolve-time-zone';

/** The content type Graph answers OData payloads with. */
export const odataContentType =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** `Prefer: IdType="ImmutableId"` applies to the one request that carries it. */
export function requestedIdType(c: Context<GraphEnv>): IdType {
  return parsePreferHeader(c.req.header('prefer')).get('idtype')?.toLowerCase() === 'immutableid' ? 'immutable' : 'rest';
}

/**
 * `Prefer: outlook.timezone="…"` (Windows or IANA name) sets the zone event and task times are
 * written in; without it, or with a name Graph does not know, they are in UTC.
 */
export function requestedTimeZone(c: Context<GraphEnv>): { zone: ResolvedTimeZone; applied: boolean } {
  const zone = resolveTimeZone(parsePreferHeader(c.req.header('prefer')).get('outlook.timezone'));
  return zone ? { zone, applied: true } : { zone: utcTimeZone, applied: false };
}

/** `Prefer: outlook.body-content-type="text"` asks for text bodies; HTML otherwise. */
export function requestedBodyContentType(c: Context<GraphEnv>): 'text' | 'html' {
  return parsePreferHeader(c.req.header('prefer')).get('outlook.body-content-type')?.toLowerCase() === 'text' ? 'text' : 'html';
}

export interface GraphJsonOptions {
  status?: 200 | 201;
  /** The page size applied from `Prefer: odata.maxpagesize`, echoed in `Preference-Applied`. */
  appliedPageSize?: number;
  /** The zone from `Prefer: outlook.timezone` that times were written in, echoed in `Preference-Applied`. */
  appliedTimeZone?: string;
  appliedBodyContentType?: 'text' | 'html';
}

/** Writes an OData JSON answer and the `Preference-Applied` header for the preferences honoured. */
export function sendGraphJson(c: Context<GraphEnv>, body: object, options: GraphJsonOptions = {}): Response {
  const applied: string[] = [];
  if (options.appliedPageSize !== undefined) applied.push(`odata.maxpagesize=${options.appliedPageSize}`);
  if (requestedIdType(c) === 'immutable') applied.push('IdType="ImmutableId"');
  if (options.appliedTimeZone !== undefined) applied.push(`outlook.timezone="${options.appliedTimeZone}"`);
  if (options.appliedBodyContentType !== undefined) applied.push(`outlook.body-content-type="${options.appliedBodyContentType}"`);
  const headers: Record<string, string> = { 'Cache-Control': 'no-cache', 'Content-Type': odataContentType, 'OData-Version': '4.0' };
  if (applied.length > 0) headers['Preference-Applied'] = applied.join(', ');
  return c.body(JSON.stringify(body), options.status ?? 200, headers);
}

/** The absolute URL of the API root as the client reached it, for `@odata.context` and links. */
export function serviceRoot(c: Context<GraphEnv>): string {
  return `${new URL(c.req.url).origin}/v1.0`;
}

/** `@odata.context` of a mailbox resource: `…/$metadata#users('{id}')/{path}`. */
export function mailboxContext(c: Context<GraphEnv>, path: string): string {
  return `${serviceRoot(c)}/$metadata#users('${c.get('mailbox').user.id}')/${path}`;
}
