import type { ErpContact } from '../../domain/erp-records';

/** A contact as plain lines for a message body; plain text, so nothing in it can become markup. */
export function formatContactDetails(contact: ErpContact): string {
  const lines = [
    contact.displayName,
    contact.jobTitle && contact.companyName ? `${contact.jobTitle}, ${contact.companyName}` : (contact.jobTitle ?? contact.companyName),
    contact.emails[0],
    contact.businessPhone,
    contact.mobilePhone,
  ];
  return `${lines.filter(Boolean).join('\n')}\n`;
}
