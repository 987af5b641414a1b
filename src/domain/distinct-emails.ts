/**
 * Emails trimmed, empty ones dropped, a repeat in another case dropped (mail addresses are compared
 * ignoring case), the order kept: the first stays the primary.
 */
export function distinctEmails(emails: readonly string[]): string[] {
  const seen = new Set<string>();
  const distinct: string[] = [];
  for (const email of emails) {
    const trimmed = email.trim();
    const key = trimmed.toLowerCase();
    if (trimmed === '' || seen.has(key)) continue;
    seen.add(key);
    distinct.push(trimmed);
  }
  return distinct;
}
