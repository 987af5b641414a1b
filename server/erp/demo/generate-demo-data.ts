import { toSlug } from '../to-slug';
import { buildFixedDemoRows } from './build-fixed-demo-rows';
import { demoFixedRecords } from './demo-fixed-records';
import { DemoRecordFactory, type GeneratedAccount } from './demo-record-factory';
import { demoAccountRow, demoActionRow, demoContactRow, demoEmailRows, demoUserRow, emptyDemoRows, type DemoRows } from './demo-rows';

export interface DemoDataOptions {
  seed: number;
  /** Contacts in all, the fixed ones (`demoFixedRecords`) included. */
  contacts: number;
  /** Generated companies; one for every four generated contacts by default. */
  accounts?: number;
  /** Average actions per generated contact (0 to twice this many each); 2 by default. */
  actionsPerContact?: number;
  /** Dates are spread around it (180 days back, 45 ahead). Same seed and same reference date give the same data. */
  referenceDate?: Date;
  /** Salespeople to add after the fixed ones, such as the users of a development tenant. */
  salespeople?: readonly { email: string; displayName: string }[];
  /** Contacts per yielded batch. */
  batchSize?: number;
}

export interface DemoDataBatch extends DemoRows {
  contactsDone: number;
  contactsTotal: number;
}

/** A fixed reference date keeps seeded data identical from run to run. */
export const DEFAULT_DEMO_REFERENCE_DATE = new Date('2026-06-01T08:00:00.000Z');

/** Share of generated contacts that belong to no company. */
const UNAFFILIATED = 0.08;
/** Share of multi-contact companies whose first two contacts share a mailbox such as info@… */
const SHARED_MAILBOX = 0.15;

/**
 * Generates the demo ERP's rows in batches: first the fixed records, salespeople and companies,
 * then contacts with their emails and actions. Pure and deterministic; `seedDemoErp` inserts them.
 */
export function* generateDemoData(options: DemoDataOptions): Generator<DemoDataBatch> {
  const reference = options.referenceDate ?? DEFAULT_DEMO_REFERENCE_DATE;
  const factory = new DemoRecordFactory(options.seed, reference);
  const fixedContacts = Object.keys(demoFixedRecords.contacts).length;
  const contactsTotal = fixedContacts + Math.max(0, options.contacts - fixedContacts);
  const generatedContacts = contactsTotal - fixedContacts;
  const batchSize = Math.max(1, options.batchSize ?? 2_000);
  const averageActions = options.actionsPerContact ?? 2;
  const ids = {
    user: Object.keys(demoFixedRecords.users).length,
    account: Object.keys(demoFixedRecords.accounts).length,
    contact: fixedContacts,
    action: Object.keys(demoFixedRecords.actions).length,
  };

  const first: DemoDataBatch = { ...buildFixedDemoRows(reference), contactsDone: fixedContacts, contactsTotal };
  const userEmails = new Set(first.users.map((user) => user.email_lower));
  for (const person of options.salespeople ?? []) {
    if (userEmails.has(person.email.toLowerCase())) continue;
    userEmails.add(person.email.toLowerCase());
    first.users.push(demoUserRow(++ids.user, person.email, person.displayName));
  }
  const salespeople = new Map<string, number[]>();
  const allSalespeople: number[] = first.users.map((user) => Number(user.id));
  for (let count = Math.max(3, Math.ceil(generatedContacts / 2_500)); count > 0; count--) {
    const person = factory.person(factory.region());
    const email = uniqueEmail(`${emailPart(person.givenName)}.${emailPart(person.surname)}`, 'contoso.example', userEmails);
    const id = ++ids.user;
    first.users.push(demoUserRow(id, email, `${person.givenName} ${person.surname}`));
    salespeople.set(person.region.code, [...(salespeople.get(person.region.code) ?? []), id]);
    allSalespeople.push(id);
  }
  const ownerIn = (code: string) => factory.chooser.helpers.arrayElement(salespeople.get(code) ?? allSalespeople);

  const accounts: GeneratedAccount[] = [];
  const accountCount = options.accounts ?? Math.round(generatedContacts / 4);
  for (let index = 0; index < accountCount; index++) {
    const account = factory.account(++ids.account, (region) => ownerIn(region.code));
    accounts.push(account);
    first.accounts.push(demoAccountRow(account));
  }
  yield first;

  let batch: DemoDataBatch = { ...emptyDemoRows(), contactsDone: fixedContacts, contactsTotal };
  let affiliatedLeft = accounts.length ? Math.round(generatedContacts * (1 - UNAFFILIATED)) : 0;
  let unaffiliatedLeft = generatedContacts - affiliatedLeft;
  const groupMax = Math.max(1, Math.round((affiliatedLeft / Math.max(1, accounts.length)) * 2 - 1));
  let nextAccount = 0;

  const addContact = (account: GeneratedAccount | undefined, sharedEmail?: { email: string; primary: boolean }) => {
    const region = account?.region ?? factory.region();
    const person = factory.person(region);
    const id = ++ids.contact;
    const ownerId = account && factory.chooser.number.float() < 0.85 ? account.ownerId : ownerIn(region.code);
    let emails = factory.emails(person, account?.domain);
    if (sharedEmail) emails = sharedEmail.primary ? [sharedEmail.email, ...emails].slice(0, 3) : [...emails.slice(0, 2), sharedEmail.email];
    batch.contacts.push(
      demoContactRow({
        id,
        givenName: person.givenName,
        surname: person.surname,
        ...(factory.chooser.number.float() < 0.85 && { jobTitle: factory.jobTitle(region) }),
        ...(account && { accountId: account.id }),
        ...(factory.chooser.number.float() < 0.75 && { businessPhone: factory.phone(region) }),
        ...(factory.chooser.number.float() < 0.5 && { mobilePhone: factory.mobile(region) }),
        address: account?.address ?? factory.address(region),
        ...(factory.chooser.number.float() < 0.15 && { notes: factory.note(region) }),
        ownerId,
        updatedAt: factory.pastInstant(400),
        version: factory.chooser.number.int({ min: 1, max: 4 }),
      }),
    );
    batch.emails.push(...demoEmailRows(id, emails));
    for (let count = factory.actionCount(averageActions); count > 0; count--) {
      const action = factory.action(region);
      batch.actions.push(
        demoActionRow({
          ...action,
          id: ++ids.action,
          contactId: id,
          ...(account && { accountId: account.id }),
          ownerId: factory.chooser.number.float() < 0.85 ? ownerId : ownerIn(region.code),
        }),
      );
    }
    batch.contactsDone++;
  };

  while (affiliatedLeft + unaffiliatedLeft > 0) {
    if (factory.chooser.number.float() * (affiliatedLeft + unaffiliatedLeft) < unaffiliatedLeft) {
      addContact(undefined);
      unaffiliatedLeft--;
    } else {
      const account = accounts[nextAccount++ % accounts.length];
      const size = Math.min(affiliatedLeft, factory.chooser.number.int({ min: 1, max: groupMax }));
      const shared = account && size >= 2 && factory.chooser.number.float() < SHARED_MAILBOX ? factory.sharedMailbox(account.region, account.domain) : undefined;
      for (let index = 0; index < size; index++) {
        addContact(account, shared && index < 2 ? { email: shared, primary: index === 1 } : undefined);
      }
      affiliatedLeft -= size;
    }
    if (batch.contacts.length >= batchSize) {
      yield batch;
      batch = { ...emptyDemoRows(), contactsDone: batch.contactsDone, contactsTotal };
    }
  }
  if (batch.contacts.length) yield batch;
}

function emailPart(name: string): string {
  return toSlug(name.split(' ')[0] ?? '').replace(/-/g, '');
}

function uniqueEmail(local: string, domain: string, taken: Set<string>): string {
  let email = `${local}@${domain}`;
  for (let suffix = 2; taken.has(email); suffix++) email = `${local}${suffix}@${domain}`;
  taken.add(email);
  return email;
}
