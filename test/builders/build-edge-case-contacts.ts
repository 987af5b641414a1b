import type { ContactInput } from '../../src/domain/erp-records';

/** One contact of the round-trip corpus and what makes it an edge case. */
export interface EdgeCaseContact {
  label: string;
  input: ContactInput;
}

/** The records the contacts may refer to, as each ERP under test numbers them. */
export interface EdgeCaseReferences {
  accounts: { erable: string; lefevre: string };
  users: { bruno: string };
}

/** `text` repeated, then cut, to exactly `length` UTF-16 code units (the unit the domain's limits count). */
function exactly(length: number, text: string): string {
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

/** A valid address of exactly 254 characters: a 64-character local part and labels of at most 63. */
const longestEmail = `${'l'.repeat(64)}@${['d'.repeat(63), 'e'.repeat(63), 'f'.repeat(57)].join('.')}.es`;

/**
 * Contacts that break naive storage: scripts other than Latin, combining marks, emoji (surrogate
 * pairs, ZWJ sequences, flags), values at the domain's limits, several emails, markup, CRLF, names
 * missing, emails shared. Everything stays within what the domain accepts and Outlook holds (three
 * emails), so any difference on the way back is a loss. No surname holds a comma: a single
 * "surname, given" column cannot keep one apart (see the sql adapter's README).
 */
export function buildEdgeCaseContacts(references: EdgeCaseReferences): EdgeCaseContact[] {
  const contact = (label: string, input: Partial<ContactInput>): EdgeCaseContact => ({ label, input: { emails: [], ...input } });
  return [
    contact('Chinese', { givenName: '伟', surname: '王', jobTitle: '销售经理', emails: ['wang.wei@example.cn'], address: { city: '上海', countryOrRegion: '中国' }, notes: '请在上午联系。' }),
    contact('Japanese with a company', { givenName: '花子', surname: '山田', accountId: references.accounts.lefevre, address: { street: '東京都千代田区丸の内1-1', postalCode: '100-0005', countryOrRegion: '日本' } }),
    contact('Korean', { givenName: '민준', surname: '김', mobilePhone: '+82 10-1234-5678' }),
    contact('Arabic, right to left with Arabic-Indic digits', { givenName: 'محمد', surname: 'العلي', jobTitle: 'مدير المبيعات', notes: 'اتصل بعد الساعة ٣ مساءً' }),
    contact('Hebrew', { givenName: 'שרה', surname: 'כהן', address: { city: 'תל אביב-יפו' } }),
    contact('Russian', { givenName: 'Анна', surname: 'Иванова', address: { city: 'Москва', street: 'ул. Тверская, д. 7' } }),
    contact('Ukrainian letters', { givenName: 'Олександр', surname: 'Шевченко-Їжакевич', jobTitle: 'Інженер' }),
    contact('Greek', { givenName: 'Νίκος', surname: 'Παπαδόπουλος', emails: ['nikos@example.gr'] }),
    contact('Spanish accents and ñ', { givenName: 'José Ángel', surname: 'Núñez Peña', address: { city: 'Logroño', state: 'La Rioja', countryOrRegion: 'España' } }),
    contact('French ligature and hyphen', { givenName: 'Françoise', surname: 'Lefèvre-Dubœuf', accountId: references.accounts.lefevre }),
    contact('German sharp s and umlauts', { givenName: 'Jürgen', surname: 'Größe', address: { street: 'Königsallee 92a', city: 'Düsseldorf' } }),
    contact('Vietnamese stacked diacritics', { givenName: 'Thị Thu Hằng', surname: 'Nguyễn' }),
    contact('Combining accent kept decomposed', { givenName: 'Jose\u0301', surname: 'Rene\u0301e' }),
    contact('Turkish dotted and dotless i', { givenName: 'Işıl', surname: 'Yıldız', address: { city: 'İstanbul' } }),
    contact('Polish', { givenName: 'Łukasz', surname: 'Żółć' }),
    contact('Icelandic', { givenName: 'Þórunn', surname: 'Guðmundsdóttir' }),
    contact('Devanagari', { givenName: 'प्रिया', surname: 'शर्मा' }),
    contact('Thai', { givenName: 'สมชาย', surname: 'ใจดี' }),
    contact('Emoji and a ZWJ sequence in the names', { givenName: 'Zoë 🌟', surname: 'Smith 👩‍💻', emails: ['zoe@example.com'] }),
    contact('Flags and emoji in the notes', { givenName: 'Lucía', notes: '🇪🇸🇫🇷 visitar en mayo 🎉' }),
    contact('Emoji in the job title', { givenName: 'Sam', surname: 'Lee', jobTitle: '☕ Coffee lead' }),
    contact('Fifty emoji: the given-name limit in UTF-16', { givenName: '😀'.repeat(50), surname: 'Emoji' }),
    contact('Names at their limits', { givenName: exactly(100, 'Maximiliana '), surname: exactly(100, 'Álvarez de Toledo ') }),
    contact('Job title at its limit', { givenName: 'Long', surname: 'Title', jobTitle: exactly(100, 'Directora general adjunta de ') }),
    contact('Address at its limits', {
      givenName: 'Address',
      surname: 'Limits',
      address: { street: exactly(200, 'Calle de la Princesa 25, ') , city: exactly(100, 'Villafranca '), postalCode: exactly(20, 'ABC-123 '), state: exactly(100, 'Provincia '), countryOrRegion: exactly(100, 'República ') },
    }),
    contact('Phones at their limits', { givenName: 'Phone', surname: 'Limits', businessPhone: exactly(40, '+34 912 345 678 ext. '), mobilePhone: exactly(40, '(514) 555-0199 poste ') }),
    contact('Notes at their limit, with accents', { givenName: 'Notes', surname: 'Limit', notes: exactly(10_000, 'Reunión con el señor Muñoz; ') }),
    contact('Three emails', { givenName: 'Tres', surname: 'Correos', emails: ['uno@example.es', 'dos@example.es', 'tres@example.es'] }),
    contact('Emails whose case is kept', { givenName: 'Ana', surname: 'García', emails: ['Ana.Garcia@Example.ES', 'ANA@GARCIA.ES'] }),
    contact('The longest email', { givenName: 'Longest', surname: 'Email', emails: [longestEmail] }),
    contact('Plus, apostrophe and subdomains in emails', { givenName: 'Seán', surname: "O'Brien", emails: ["o'brien+crm@example.ie", 'sean@sales.eu.example.co.uk'] }),
    contact('Markup as a given name', { givenName: '<img src=x onerror=alert(1)>', surname: 'Markup', emails: ['markup@example.com'] }),
    contact('Script and entities in the notes', { givenName: 'Script', notes: '<script>alert("x")</script> &lt;b&gt; & "quotes" \'single\'' }),
    contact('SQL and LIKE wildcards as text', { givenName: 'Robert', surname: "'); DROP TABLE contacts;--", jobTitle: '100% _under_ \\back\\slash' }),
    contact('CRLF in the notes', { givenName: 'Carlos', surname: 'Ruiz', notes: 'Línea 1\r\nLínea 2\r\n\r\nLínea 4' }),
    contact('Tabs and bare LF in the notes', { givenName: 'Tab', notes: 'a\n\tb\n\t\tc' }),
    contact('No name, only an email', { emails: ['solo@example.com'] }),
    contact('No name, only an email another contact shares', { emails: ['info@compartido.es'] }),
    contact('Shares an email with the contact before', { givenName: 'Carmen', surname: 'Vidal', emails: ['carmen@compartido.es', 'info@compartido.es'] }),
    contact('Given name only', { givenName: 'Jordi' }),
    contact('Surname only', { surname: 'Puig' }),
    contact('Another owner and a company', { givenName: 'Olivia', surname: 'Bennett', accountId: references.accounts.erable, ownerId: references.users.bruno }),
    contact('Every field', {
      givenName: 'Marie-Ève',
      surname: 'Côté',
      jobTitle: 'Acheteuse principale',
      accountId: references.accounts.erable,
      emails: ['marie-eve.cote@erable.ca', 'mecote@videotron.ca', 'achats@erable.ca'],
      businessPhone: '514 555-0101 poste 204',
      mobilePhone: '438 555-0199',
      address: { street: '1200, rue Sainte-Catherine O.', city: 'Montréal', postalCode: 'H3B 1K9', state: 'Québec', countryOrRegion: 'Canada' },
      notes: 'Préfère le français.\r\nDisponible le matin.',
      ownerId: references.users.bruno,
    }),
    contact('Inner no-break space and typographic quotes', { givenName: 'Mary\u00a0Ann', surname: '“Quoted”', jobTitle: 'Head of ‘things’ — and more…' }),
    contact('Invisible direction marks inside', { givenName: 'Layla', surname: 'Haddad', notes: 'Tel \u200f+961 1 234 567\u200f ext' }),
  ];
}
