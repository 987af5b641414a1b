import { createHash } from 'node:crypto';

/**
 * A GUID derived from its parts, so ids Entra would mint once (a service principal per app and
 * tenant) stay the same across restarts of the stand-in.
 */
export function stableGuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // Version 5-like layout: version nibble 5, variant bits 10.
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
