import { foldSearchText } from './fold-search-text';

/** `Núñez Logística` → `nunez-logistica`: ASCII for email addresses and domain names. */
export function toSlug(text: string): string {
  return foldSearchText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
