/**
 * The `exp` claim of a JWT, read without verifying it: only to know when to ask again. The bridge
 * verifies every token; an unreadable one is simply not kept.
 */
export function readTokenExpiry(token: string): Date | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=')));
    if (typeof json === 'object' && json !== null && 'exp' in json && typeof json.exp === 'number') return new Date(json.exp * 1000);
  } catch {
    // Not a JWT we can read: the caller does not cache it.
  }
  return undefined;
}
