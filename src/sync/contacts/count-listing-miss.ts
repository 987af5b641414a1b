import type { ContactLink } from './contact-link';

/**
 * The link's misses once this listing is counted. A listing is the run's `now`: a link already
 * saved at `now` or later had this listing counted, so planning again in the same run adds nothing.
 */
export function countListingMiss(link: Pick<ContactLink, 'missedListings' | 'updatedAt'> | undefined, now: string): number {
  if (link === undefined) return 1;
  const countedAlready = Date.parse(link.updatedAt) >= Date.parse(now);
  return countedAlready ? link.missedListings : link.missedListings + 1;
}
