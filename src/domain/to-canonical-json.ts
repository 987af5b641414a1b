/**
 * JSON with object keys sorted and `undefined` members left out, so equal values give equal text
 * whatever order their keys were written in. A lone `undefined` gives `null`.
 */
export function toCanonicalJson(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value, (_key, member: unknown) => {
    if (member === null || typeof member !== 'object' || Array.isArray(member)) return member;
    const entries = Object.entries(member).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return Object.fromEntries(entries);
  });
}
