/** A conflicting value as text: lists joined, an address or other object as its filled parts. */
export function formatConflictValue(value: unknown, empty: string): string {
  if (value === undefined || value === null || value === '') return empty;
  if (Array.isArray(value)) return value.length ? value.map((entry) => formatConflictValue(entry, empty)).join(', ') : empty;
  if (typeof value === 'object') {
    const parts = Object.values(value).filter((part) => part !== undefined && part !== null && part !== '');
    return parts.length ? parts.map((part) => formatConflictValue(part, empty)).join(', ') : empty;
  }
  return String(value);
}
