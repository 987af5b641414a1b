/** The preferences of a `Prefer` header, names lower-cased, quotes removed: `odata.maxpagesize`, `idtype`. */
export function parsePreferHeader(header: string | undefined): Map<string, string> {
  const preferences = new Map<string, string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...value] = part.split('=');
    if (name.trim() === '') continue;
    preferences.set(name.trim().toLowerCase(), value.join('=').trim().replace(/^"(.*)"$/, '$1'));
  }
  return preferences;
}
