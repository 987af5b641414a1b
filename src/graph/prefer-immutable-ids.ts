/**
 * A `Prefer` header value asking for immutable ids, which Graph applies per request (and per `$batch`
 * item), merged with the caller's other preferences such as `odata.maxpagesize=200`.
 */
export function preferImmutableIds(callerPrefer?: string): string {
  const preferences = ['IdType="ImmutableId"'];
  for (const preference of (callerPrefer ?? '').split(',')) {
    const trimmed = preference.trim();
    if (trimmed !== '' && !/^idtype\s*=/i.test(trimmed)) preferences.push(trimmed);
  }
  return preferences.join(', ');
}
