import { projectErpContact } from '../../src/domain/project-erp-contact';
import type { ContactLink } from '../../src/sync/contacts/contact-link';
import { buildErpContact } from './build-erp-contact';

/** The active link of `buildErpContact()` to `buildOutlookContact()`, synced at the last run. */
export function buildContactLink(overrides: Partial<ContactLink> = {}): ContactLink {
  return {
    erpId: 'C-1001',
    outlookId: 'outlook-1',
    state: 'active',
    snapshot: projectErpContact(buildErpContact(), 'acme').fields,
    missedListings: 0,
    updatedAt: '2026-03-01T10:00:06.000Z',
    ...overrides,
  };
}
