import { compareText } from './compare-text';
import type { OutlookContact } from './outlook-contact';

/** Graph dates a create and its first answer within the same second; a later change means somebody edited the item. */
const editSlackMs = 1000;

type Copy = Pick<OutlookContact, 'id' | 'createdDateTime' | 'lastModifiedDateTime'>;

/** Nobody changed the item since it was created: as the bridge made it (or a user's plain copy of it). */
export function isUntouchedCopy(copy: Pick<OutlookContact, 'createdDateTime' | 'lastModifiedDateTime'>): boolean {
  if (copy.createdDateTime === undefined) return false;
  return Date.parse(copy.lastModifiedDateTime) - Date.parse(copy.createdDateTime) <= editSlackMs;
}

/**
 * Of the items carrying one tag, the one to keep and what to do with the others: the linked one,
 * else an edited copy before an untouched one (what the user typed stays synced), the oldest, the
 * smallest id. Only untouched copies (a retried create, a plain copy) are `duplicates` to remove:
 * removing one loses nothing anybody typed in it. An edited one is `leftAlone`: never removed, reported.
 */
export function chooseKeptCopy<Listed extends Copy>(
  copies: readonly Listed[],
  linkedOutlookId: string | undefined,
): { keep: Listed | undefined; duplicates: Listed[]; leftAlone: Listed[] } {
  const ordered = [...copies].sort(
    (left, right) =>
      Number(right.id === linkedOutlookId) - Number(left.id === linkedOutlookId) ||
      Number(isUntouchedCopy(left)) - Number(isUntouchedCopy(right)) ||
      compareText(left.createdDateTime ?? '\uffff', right.createdDateTime ?? '\uffff') ||
      compareText(left.id, right.id),
  );
  const [keep, ...others] = ordered;
  return { keep, duplicates: others.filter(isUntouchedCopy), leftAlone: others.filter((copy) => !isUntouchedCopy(copy)) };
}
