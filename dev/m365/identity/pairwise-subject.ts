import { createHash } from 'node:crypto';

/** Entra's `sub` is unique per user and application, unlike `oid`: an opaque 43-character string. */
export function pairwiseSubject(objectId: string, applicationId: string): string {
  return createHash('sha256').update(`${objectId.toLowerCase()}:${applicationId.toLowerCase()}`).digest('base64url');
}
