import type { Person } from './office-item';

/**
 * Office.js exposes no iCalUId, which is what makes one meeting the same item in every
 * attendee's calendar. Until the bridge resolves it through Graph, a meeting is keyed by its
 * organizer and start instant: both are the same for every attendee, and the key stays stable
 * when the subject or body is edited.
 */
export function meetingKeyOf(organizer: Person | undefined, startIso: string): string {
  return `outlook:${(organizer?.email ?? 'unknown').toLowerCase()}/${new Date(startIso).toISOString()}`;
}
