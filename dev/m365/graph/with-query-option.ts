function optionName(part: string): string {
  const name = part.split('=')[0] ?? '';
  try {
    return decodeURIComponent(name).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/**
 * A copy of `url` with one system query option replaced, other options kept as the client wrote
 * them. Graph's links carry a literal `$` (`?$skip=10`), which `URLSearchParams` would encode.
 */
export function withQueryOption(url: URL, name: string, value: string): string {
  const kept = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && optionName(part) !== name.toLowerCase());
  kept.push(`${name}=${encodeURIComponent(value)}`);
  return `${url.origin}${url.pathname}?${kept.join('&')}`;
}
