/** An OData string literal: quotes doubled, as `$filter` requires. */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A query string with every value percent-encoded (spaces as `%20`, never `+`, and colons and
 * slashes of extended property ids encoded, as Graph asks); the `$` of option names stays.
 */
export function odataQuery(options: Readonly<Record<string, string>>): string {
  return Object.entries(options)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
}
