import { compareText } from './compare-text';
import type { OutlookContact } from './outlook-contact';

/**
 * Of the items carrying one tag, the one to keep: the linked one, else the oldest (the first
 * create; later ones came from retries), else the smallest id. The others are duplicates.
 */
export function chooseKeptCopy<Copy extends Pick<OutlookContact, 'id' | 'createdDateTime'>>(
  copies: readonly Copy[],
  linkedOutlookId: string | undefined,
): { keep: Copy | undefined; duplicates: Copy[] } {
  const ordered = [...copies].sort(
    (left, right) =>
      Number(right.id === linkedOutlookId) - Number(left.id === linkedOutlookId) ||
      compareText(left.createdDateTime ?? '\uffff', right.createdDateTime ?? '\uffff') ||
      compareText(left.id, right.id),
  );
  const [keep, ...duplicates] = ordered;
  return { keep, duplicates };
}
