import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

/**
 * Which answers the bridge compresses on the fly: text and JSON, but never an event stream (each
 * event must reach the client when it is written, not when a compressor's buffer fills).
 */
export function compressibleAnswer(contentType: string): boolean {
  return COMPRESSIBLE_CONTENT_TYPE_REGEX.test(contentType) && !/^\s*text\/event-stream\b/i.test(contentType);
}
