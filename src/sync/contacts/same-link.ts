import { toCanonicalJson } from '../../domain/to-canonical-json';
import type { ContactLink } from './contact-link';

/** Same link but for `updatedAt`: an unchanged link is not saved again, so a second plan stays empty. */
export function sameLink(left: ContactLink, right: ContactLink): boolean {
  return toCanonicalJson({ ...left, updatedAt: '' }) === toCanonicalJson({ ...right, updatedAt: '' });
}
