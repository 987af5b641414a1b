import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutlookContactFields } from '../../../../src/graph/contacts/outlook-contact-fields';
import { toGraphContact } from '../../../../src/graph/contacts/to-graph-contact';
import { toOutlookContactFields } from '../../../../src/graph/contacts/to-outlook-contact-fields';
import { readFixture } from '../../../dev/m365/graph/support/read-fixture';
import type { ContactJson } from '../../../dev/m365/graph/support/graph-json';
import { buildErpContact } from '../../../builders/build-erp-contact';

const text = fc.string({ minLength: 1, maxLength: 30 });

const addressArbitrary = fc.record(
  { street: text, city: text, postalCode: text, state: text, countryOrRegion: text },
  { requiredKeys: [] },
);

const fieldsArbitrary: fc.Arbitrary<OutlookContactFields> = fc.record(
  {
    givenName: text,
    surname: text,
    displayName: text,
    companyName: text,
    jobTitle: text,
    emails: fc.array(fc.emailAddress(), { maxLength: 5 }),
    businessPhone: text,
    mobilePhone: text,
    address: addressArbitrary,
    notes: fc.string({ minLength: 1, maxLength: 200 }),
    categories: fc.array(text, { maxLength: 3 }),
  },
  { requiredKeys: ['emails'] },
);

/** What Outlook can hold of the fields: three emails, no empty address. */
function asOutlookHoldsIt(fields: OutlookContactFields): OutlookContactFields {
  const hasAddress = fields.address !== undefined && Object.values(fields.address).some((part) => part !== undefined);
  return { ...fields, emails: fields.emails.slice(0, 3), address: hasAddress ? fields.address : undefined, categories: fields.categories ?? [] };
}

describe('mapping contacts between the ERP and Graph', () => {
  it('reads back every synced field it writes (three emails at most)', () => {
    fc.assert(
      fc.property(fieldsArbitrary, (fields) => {
        expect(toOutlookContactFields(toGraphContact(fields))).toEqual(asOutlookHoldsIt(fields));
      }),
    );
  });

  it('is stable: writing what it read gives the same Graph body', () => {
    const withCategories = fieldsArbitrary.map((fields) => ({ ...fields, categories: fields.categories ?? [] }));
    fc.assert(
      fc.property(withCategories, (fields) => {
        const body = toGraphContact(fields);
        expect(toGraphContact(toOutlookContactFields(body))).toEqual(body);
      }),
    );
  });

  it('writes every synced field, absent ones as null, so a PATCH clears what the ERP cleared', () => {
    const body = toGraphContact({ givenName: 'Ana', emails: [] });

    expect(body).toEqual({
      givenName: 'Ana',
      surname: null,
      displayName: null,
      companyName: null,
      jobTitle: null,
      emailAddresses: [],
      businessPhones: [],
      mobilePhone: null,
      businessAddress: { street: null, city: null, state: null, postalCode: null, countryOrRegion: null },
      personalNotes: '',
    });
  });

  it('names each email after the contact, and leaves the categories alone unless given', () => {
    const body = toGraphContact(buildErpContact());

    expect(body.emailAddresses?.map((email) => email.name)).toEqual(['José Núñez', 'José Núñez', 'José Núñez']);
    expect(body).not.toHaveProperty('categories');
    expect(toGraphContact({ emails: [], categories: ['ERP'] }).categories).toEqual(['ERP']);
  });

  it("takes an ERP contact as it is and ignores what Graph does not hold (ids, versions, the ERP's owner)", () => {
    const body = toGraphContact(buildErpContact({ ownerId: 'U-7', accountId: 'A-3' }));

    expect(Object.keys(body).toSorted()).toEqual([
      'businessAddress', 'businessPhones', 'companyName', 'displayName', 'emailAddresses', 'givenName', 'jobTitle', 'mobilePhone', 'personalNotes', 'surname',
    ]);
  });

  it("reads Graph's recorded contact, whose empty values are null, '' and {}", () => {
    const recorded = readFixture<{ response: { body: ContactJson } }>('contact-get.json').response.body;

    const fields = toOutlookContactFields({ ...recorded, personalNotes: '', homeAddress: {}, businessAddress: {} });

    expect(fields.address).toBeUndefined();
    expect(fields.notes).toBeUndefined();
    expect(fields.emails.every((email) => email.includes('@'))).toBe(true);
    expect(Object.values(fields)).not.toContain(null);
  });
});
