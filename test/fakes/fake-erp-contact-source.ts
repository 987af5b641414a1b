import type { ChangeFeed } from '../../src/domain/erp-port';
import { ErpError } from '../../src/domain/erp-port';
import type { ErpContact } from '../../src/domain/erp-records';
import type { ErpContactChanges } from '../../src/sync/contacts/erp-contact-changes';
import type { ErpContactSource } from '../../src/sync/contacts/erp-contact-source';
import type { FakeClock } from './fake-clock';

const optionalTextFields = ['givenName', 'surname', 'jobTitle', 'businessPhone', 'mobilePhone', 'notes'] as const;

/**
 * An in-memory ERP with `ContactPatch` semantics (`''` clears, `{}` clears the address, versions
 * checked). Like the real port it has no delete: `deleteInErp` is the ERP's own user, not the sync.
 */
export class FakeErpContactSource implements ErpContactSource {
  private readonly contacts = new Map<string, ErpContact>();
  private readonly outOfScope = new Set<string>();
  private readonly tombstones: string[] = [];
  /** Makes the next writes of one record fail, as a refusing ERP would. */
  failWith: (erpId: string) => ErpError | undefined = () => undefined;
  writes = 0;

  constructor(
    private readonly clock: FakeClock,
    contacts: readonly ErpContact[] = [],
  ) {
    for (const contact of contacts) this.contacts.set(contact.id, structuredClone(contact));
  }

  async listContactsInScope<Listed = ErpContact>(shrink?: (contact: ErpContact) => Listed): Promise<(ErpContact | Listed)[]> {
    const contacts = [...this.contacts.values()].filter((contact) => !this.outOfScope.has(contact.id)).map((contact) => structuredClone(contact));
    return shrink ? contacts.map(shrink) : contacts;
  }

  async listContactChanges(cursor: string | undefined): Promise<ChangeFeed<ErpContact>> {
    const items = cursor === 'end' ? [] : [...this.contacts.values()].filter((contact) => !this.outOfScope.has(contact.id)).map((contact) => structuredClone(contact));
    return { items, deletedIds: cursor === 'end' ? [] : [...this.tombstones], nextCursor: 'end', hasMore: false };
  }

  async updateContactFields(erpId: string, changes: ErpContactChanges, version: number): Promise<ErpContact> {
    const failure = this.failWith(erpId);
    if (failure) throw failure;
    const current = this.contacts.get(erpId);
    if (current === undefined) throw new ErpError('not_found', `contact ${erpId} does not exist`);
    if (current.version !== version) throw new ErpError('conflict', `contact ${erpId} is at version ${current.version}, not ${version}`);
    const updated: ErpContact = { ...structuredClone(current), version: current.version + 1, updatedAt: this.clock.now() };
    for (const field of optionalTextFields) {
      const value = changes[field];
      if (value !== undefined) updated[field] = value === '' ? undefined : value;
    }
    // The ERP always has a display name; '' asks it to compose one, which this fake leaves empty.
    if (changes.displayName !== undefined) updated.displayName = changes.displayName;
    if (changes.address !== undefined) {
      updated.address = Object.values(changes.address).some((part) => part) ? changes.address : undefined;
    }
    if (changes.emails !== undefined) updated.emails = [...changes.emails];
    this.contacts.set(erpId, updated);
    this.writes += 1;
    return structuredClone(updated);
  }

  /** The ERP's own user edits a record. */
  editInErp(erpId: string, changes: Partial<ErpContact>): void {
    const current = this.require(erpId);
    this.contacts.set(erpId, { ...current, ...changes, version: current.version + 1, updatedAt: this.clock.now() });
  }

  leaveScope(erpId: string): void {
    this.outOfScope.add(erpId);
  }

  enterScope(erpId: string): void {
    this.outOfScope.delete(erpId);
  }

  /** The ERP's own user deletes a record: the change feed reports a tombstone. */
  deleteInErp(erpId: string): void {
    this.contacts.delete(erpId);
    this.tombstones.push(erpId);
  }

  contact(erpId: string): ErpContact | undefined {
    const contact = this.contacts.get(erpId);
    return contact && structuredClone(contact);
  }

  /** Every record the ERP holds, in scope or not. */
  ids(): string[] {
    return [...this.contacts.keys()].sort();
  }

  tombstonedIds(): string[] {
    return [...this.tombstones];
  }

  private require(erpId: string): ErpContact {
    const contact = this.contacts.get(erpId);
    if (contact === undefined) throw new Error(`the fake ERP has no contact ${erpId}`);
    return contact;
  }
}
