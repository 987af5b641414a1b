import { projectErpContact } from '../../src/domain/project-erp-contact';
import type { OutlookContact } from '../../src/sync/contacts/outlook-contact';
import { buildErpContact } from './build-erp-contact';

/** Our Outlook copy of `buildErpContact()` as the bridge created it, tagged `acme:C-1001`. */
export function buildOutlookContact(overrides: Partial<OutlookContact> = {}): OutlookContact {
  const projected = projectErpContact(buildErpContact(), 'acme');
  return {
    id: 'outlook-1',
    changeKey: 'ck-1',
    tag: projected.tag,
    fields: projected.fields,
    lastModifiedDateTime: '2026-03-01T10:00:05.000Z',
    createdDateTime: '2026-03-01T10:00:05.000Z',
    ...overrides,
  };
}
