import { describe, expect, it } from 'vitest';
import { checkErpContactChanges } from '../../../../src/sync/contacts/check-erp-contact-changes';

describe('checkErpContactChanges', () => {
  it('passes a write the ERP takes as it is', () => {
    const changes = { jobTitle: 'Jefa de compras', emails: ['ana@acme.test'], address: { city: 'Toledo' }, notes: '' };
    expect(checkErpContactChanges(changes)).toEqual({ accepted: changes, refused: [] });
  });

  it('leaves out only the emails the ERP refuses, keeping the rest of the list', () => {
    const { accepted, refused } = checkErpContactChanges({ emails: ['ana@acme.test', 'juan@empresa', 'pedidos@acme.test'] });
    expect(accepted).toEqual({ emails: ['ana@acme.test', 'pedidos@acme.test'] });
    expect(refused).toEqual([{ field: 'emails', value: 'juan@empresa', reason: expect.stringMatching(/email/i) }]);
  });

  it('leaves out a name over 100 characters and notes over 10,000, and keeps the other fields', () => {
    const name = 'N'.repeat(101);
    const notes = 'x'.repeat(10_001);
    const { accepted, refused } = checkErpContactChanges({ givenName: name, notes, mobilePhone: '+34 600 000 000' });
    expect(accepted).toEqual({ mobilePhone: '+34 600 000 000' });
    expect(refused.map(({ field, value }) => ({ field, length: value.length }))).toEqual([
      { field: 'givenName', length: 101 },
      { field: 'notes', length: 10_001 },
    ]);
  });
});
