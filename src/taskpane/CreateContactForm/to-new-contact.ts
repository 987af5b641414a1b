import type { NewContact } from '../../erp/bridge-client';
import type { ContactDraft } from '../people/contact-prefill';

/** Empty fields are left out, so the ERP keeps its own defaults instead of empty strings. */
export function toNewContact(draft: ContactDraft): NewContact {
  const text = (value: string) => value.trim() || undefined;
  const email = text(draft.email);
  const fields = {
    givenName: text(draft.givenName),
    surname: text(draft.surname),
    jobTitle: text(draft.jobTitle),
    businessPhone: text(draft.businessPhone),
  };
  return {
    ...Object.fromEntries(Object.entries(fields).filter((entry) => entry[1] !== undefined)),
    emails: email ? [email] : [],
  };
}
