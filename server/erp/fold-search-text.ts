/**
 * The form names are compared in: accents dropped and lower case, so `nunez` finds `Núñez`
 * and `FRANC` finds `Françoise`.
 */
export function foldSearchText(text: string): string {
  // Most names are plain ASCII; normalising them is most of the cost of seeding 100,000 contacts.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
