import type { Context } from 'hono';
import type { GraphEnv } from './graph-env';
import { invalidRequestBody } from './graph-error';

/** The request body as JSON, or Graph's 400 `RequestBodyRead`. */
export async function readJsonBody(c: Context<GraphEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') throw invalidRequestBody('Empty Payload. JSON content expected.');
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequestBody('Invalid JSON. A token was not recognized in the JSON content.');
  }
}
