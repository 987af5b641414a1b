const keywords = [
  'v1.0', 'me', 'users', 'contacts', 'contactFolders', 'childFolders', 'delta', '$batch', 'calendar', 'calendars', 'events',
  'calendarView', 'todo', 'lists', 'tasks', 'linkedResources', 'subscriptions', 'reauthorize',
  'applications', 'addPassword', 'servicePrincipals',
];
const canonicalByLowerCase = new Map(keywords.map((keyword) => [keyword.toLowerCase(), keyword]));

function canonicalSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return segment;
  }
  const lower = decoded.toLowerCase();
  return canonicalByLowerCase.get(lower === 'delta()' ? 'delta' : lower) ?? segment;
}

/**
 * Graph matches path segments without regard to case (its own docs write both `contactfolders`
 * and `contactFolders`), while Hono routes are case-sensitive: the route path is normalised first.
 */
export function canonicalizeGraphPath(pathname: string): string {
  if (!/^\/v1\.0(\/|$)/i.test(pathname)) return pathname;
  return pathname.split('/').map(canonicalSegment).join('/');
}
