/** Reads `<environment>:<erpId>`; anything else (the user's own value, a bad copy) gives `undefined`. */
export function parseErpTag(tag: string | undefined): { environment: string; erpId: string } | undefined {
  if (tag === undefined) return undefined;
  const separator = tag.indexOf(':');
  if (separator <= 0 || separator === tag.length - 1) return undefined;
  return { environment: tag.slice(0, separator), erpId: tag.slice(separator + 1) };
}
