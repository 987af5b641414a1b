import type { Person } from '../../office/office-item';

export interface ContactDraft {
  givenName: string;
  surname: string;
  email: string;
  jobTitle: string;
  businessPhone: string;
}

/**
 * A new contact's fields from what Outlook shows: "Surname, Given" or "Given Surname…" (Spanish
 * names keep both surnames together); quotes Outlook leaves around names are dropped.
 */
export function contactPrefill(person: Person): ContactDraft {
  const name = (person.name ?? '').replace(/^["']|["']$/g, '').trim();
  const blank = { givenName: '', surname: '', email: person.email, jobTitle: '', businessPhone: '' };
  if (!name || name.toLowerCase() === person.email.toLowerCase()) return blank;
  const comma = name.indexOf(',');
  if (comma > 0) return { ...blank, surname: name.slice(0, comma).trim(), givenName: name.slice(comma + 1).trim() };
  const [givenName = '', ...rest] = name.split(/\s+/);
  return { ...blank, givenName, surname: rest.join(' ') };
}
