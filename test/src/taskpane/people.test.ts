import { describe, expect, it } from 'vitest';
import type { OfficeHost } from '../../../src/office/office-host';
import { readContactChoice, rememberContactChoice } from '../../../src/taskpane/people/contact-choices';
import { contactPrefill } from '../../../src/taskpane/people/contact-prefill';
import { peopleOfItem } from '../../../src/taskpane/people/people-of-item';
import { resolveMatches } from '../../../src/taskpane/PersonCard/resolve-matches';
import { aContact, aMeeting, aMessage } from './support/builders';
import { createFakeOffice } from './support/fake-office';

describe('the people of an item', () => {
  it('are the sender, To and Cc, each address once, without the mailbox owner', () => {
    const item = aMessage({ to: [{ email: 'ME@contoso.example' }, { email: 'b@x.es' }], cc: [{ email: 'B@x.es', name: 'Be' }, { email: 'c@x.es' }] });
    expect(peopleOfItem(item, 'me@contoso.example').map((person) => person.email)).toEqual(['lucia@talleres-urrutia.es', 'b@x.es', 'c@x.es']);
  });

  it('are the organizer then the attendees for a meeting', () => {
    const item = aMeeting({ attendees: [{ email: 'me@contoso.example' }, { email: 'jon@fabrikam.example' }] });
    expect(peopleOfItem(item, 'me@contoso.example').map((person) => person.email)).toEqual(['lucia@talleres-urrutia.es', 'jon@fabrikam.example']);
  });
});

describe('a new contact’s prefill', () => {
  it.each([
    [{ email: 'l@x.es', name: 'Lucía Martínez García' }, 'Lucía', 'Martínez García'],
    [{ email: 'a@x.fr', name: 'Dubois, Amélie' }, 'Amélie', 'Dubois'],
    [{ email: 'j@x.es', name: '"Jon"' }, 'Jon', ''],
    [{ email: 'n@x.es', name: 'n@x.es' }, '', ''],
    [{ email: 'n@x.es' }, '', ''],
  ])('splits %j', (person, givenName, surname) => {
    expect(contactPrefill(person)).toMatchObject({ givenName, surname, email: person.email });
  });
});

describe('matching contacts', () => {
  const [one, two] = [aContact(), aContact({ id: 'C-2' })];
  it('opens a single match, asks among several, and honours an earlier choice', () => {
    expect(resolveMatches([], undefined)).toEqual({ status: 'notInErp' });
    expect(resolveMatches([one], 'C-2')).toEqual({ status: 'matched', contact: one, alternatives: [one] });
    expect(resolveMatches([one, two], undefined)).toEqual({ status: 'several', contacts: [one, two] });
    expect(resolveMatches([one, two], 'C-2')).toEqual({ status: 'matched', contact: two, alternatives: [one, two] });
    expect(resolveMatches([one, two], 'C-9')).toEqual({ status: 'several', contacts: [one, two] });
  });
});

describe('remembered contact choices', () => {
  it('are kept per address, case-insensitively, newest last, at most 200', async () => {
    const office: OfficeHost = createFakeOffice();
    for (let index = 0; index < 205; index += 1) await rememberContactChoice(office, `p${index}@x.es`, `C-${index}`);
    await rememberContactChoice(office, 'P3@X.es', 'C-new');
    expect(readContactChoice(office, 'p3@x.es')).toBe('C-new');
    expect(readContactChoice(office, 'p4@x.es')).toBeUndefined();
    expect(readContactChoice(office, 'p204@x.es')).toBe('C-204');
    expect(Object.keys(JSON.parse(office.readSetting('contactChoices') ?? '{}'))).toHaveLength(200);
  });

  it('survive a setting that is not ours', () => {
    const office = createFakeOffice();
    office.settings.set('contactChoices', 'not json');
    expect(readContactChoice(office, 'a@x.es')).toBeUndefined();
  });
});
