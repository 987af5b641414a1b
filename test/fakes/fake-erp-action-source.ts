import { ErpError, type ChangeFeed } from '../../src/domain/erp-port';
import type { ActionInput, ErpAction } from '../../src/domain/erp-records';
import type { ErpActionChanges, ErpActionSource } from '../../src/sync/actions/erp-action-source';
import type { FakeClock } from './fake-clock';

/** One write in the ERP's history; `left` marks an action leaving `ownerId` (given away or deleted). */
type Entry = { sequence: number; erpId: string; left?: string };

/** The ERP behind every mailbox's fake source: its actions and a history the change feeds read. */
interface FakeErpActions {
  actions: Map<string, ErpAction>;
  bySourceKey: Map<string, string>;
  /** The email of each contact the ERP knows. */
  contactEmails: Map<string, string | undefined>;
  history: Entry[];
  nextId: number;
}

/**
 * An in-memory ERP of actions, seen by one mailbox: the actions its ERP user (`ownerId`) owns.
 * Versions are checked like the port does; the change feed's cursor is a position in the ERP's
 * history; an action given to another owner or deleted is in `deletedIds`. `forOwner` gives
 * another mailbox's view of the same ERP, so a reassignment can be followed from both sides.
 *
 * @example
 * const ana = new FakeErpActionSource(clock, { ownerId: '1', actions: [visit] });
 * ana.reassignInErp(visit.id, '2'); // gone from ana's feed, a change in ana.forOwner('2')'s
 */
export class FakeErpActionSource implements ErpActionSource {
  /** Makes the next writes of one record fail, as a refusing ERP would. */
  failWith: (erpId: string) => ErpError | undefined = () => undefined;
  /** Writes this mailbox's sync made (updates and creates), for "nothing written" checks. */
  writes = 0;
  /** Contact emails the sync asked for, in order. */
  readonly contactLookups: string[] = [];
  readonly ownerId: string;
  private readonly pageSize: number;
  private readonly erp: FakeErpActions;

  constructor(
    private readonly clock: FakeClock,
    options: { ownerId: string; actions?: readonly ErpAction[]; pageSize?: number },
    erp?: FakeErpActions,
  ) {
    this.ownerId = options.ownerId;
    this.pageSize = options.pageSize ?? 100;
    this.erp = erp ?? { actions: new Map(), bySourceKey: new Map(), contactEmails: new Map(), history: [], nextId: 1 };
    for (const action of options.actions ?? []) this.store(structuredClone(action));
  }

  /** Another mailbox's view of the same ERP. */
  forOwner(ownerId: string): FakeErpActionSource {
    return new FakeErpActionSource(this.clock, { ownerId, pageSize: this.pageSize }, this.erp);
  }

  async listActionsInScope(): Promise<ErpAction[]> {
    return [...this.erp.actions.values()].filter((action) => action.ownerId === this.ownerId).map((action) => structuredClone(action));
  }

  async listActionChanges(cursor: string | undefined): Promise<ChangeFeed<ErpAction>> {
    const after = cursor === undefined ? 0 : Number(cursor);
    if (!Number.isInteger(after) || after < 0) throw new ErpError('invalid_input', `cursor ${cursor} is not one this feed handed out`);
    // Each action once, at its last write after the cursor, oldest first.
    const latest = new Map<string, Entry>();
    const left = new Set<string>();
    for (const entry of this.erp.history) {
      if (entry.sequence <= after) continue;
      latest.delete(entry.erpId);
      latest.set(entry.erpId, entry);
      if (entry.left === this.ownerId) left.add(entry.erpId);
    }
    const relevant = [...latest.values()].filter((entry) => this.erp.actions.get(entry.erpId)?.ownerId === this.ownerId || left.has(entry.erpId));
    const page = relevant.slice(0, this.pageSize);
    const items: ErpAction[] = [];
    const deletedIds: string[] = [];
    for (const entry of page) {
      const action = this.erp.actions.get(entry.erpId);
      if (action?.ownerId === this.ownerId) items.push(structuredClone(action));
      else deletedIds.push(entry.erpId);
    }
    return { items, deletedIds, nextCursor: String(page.at(-1)?.sequence ?? after), hasMore: relevant.length > page.length };
  }

  async updateActionFields(erpId: string, changes: ErpActionChanges, version: number): Promise<ErpAction> {
    const failure = this.failWith(erpId);
    if (failure) throw failure;
    const current = this.erp.actions.get(erpId);
    if (current === undefined) throw new ErpError('not_found', `action ${erpId} does not exist`);
    if (current.version !== version) throw new ErpError('conflict', `action ${erpId} is at version ${current.version}, not ${version}`);
    const updated: ErpAction = { ...structuredClone(current), version: current.version + 1, updatedAt: this.clock.now() };
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      Object.assign(updated, { [field]: field === 'notes' && value === '' ? undefined : value });
    }
    if (updated.notes === undefined) delete updated.notes;
    this.store(updated);
    this.writes += 1;
    return structuredClone(updated);
  }

  async createAction(input: ActionInput, sourceKey: string): Promise<ErpAction> {
    const known = this.erp.bySourceKey.get(sourceKey);
    const existing = known === undefined ? undefined : this.erp.actions.get(known);
    if (existing) return structuredClone(existing);
    const failure = this.failWith(sourceKey);
    if (failure) throw failure;
    const created = this.addInErp({ ...input, ownerId: this.ownerId });
    this.erp.bySourceKey.set(sourceKey, created.id);
    this.writes += 1;
    return created;
  }

  async contactEmailOf(contactId: string): Promise<string | undefined> {
    this.contactLookups.push(contactId);
    return this.erp.contactEmails.get(contactId);
  }

  /** The ERP's own user adds a contact, with an email or none; answers its id. */
  addContactInErp(email?: string): string {
    const contactId = `C${this.erp.nextId++}`;
    this.erp.contactEmails.set(contactId, email);
    return contactId;
  }

  /** The ERP's own user adds an action (owned by this mailbox's user unless `ownerId` says otherwise). */
  addInErp(fields: Partial<ErpAction> & Pick<ErpAction, 'subject'>): ErpAction {
    const action: ErpAction = {
      type: 'task',
      allDay: false,
      timeZone: 'Europe/Madrid',
      status: 'planned',
      private: false,
      ownerId: this.ownerId,
      id: `A${this.erp.nextId++}`,
      updatedAt: this.clock.now(),
      version: 1,
      ...fields,
    };
    this.store(action);
    return structuredClone(action);
  }

  /** The ERP's own user edits an action. */
  editInErp(erpId: string, changes: Partial<Omit<ErpAction, 'id' | 'version' | 'updatedAt' | 'ownerId'>>): ErpAction {
    const current = this.require(erpId);
    const updated = { ...current, ...changes, version: current.version + 1, updatedAt: this.clock.now() };
    this.store(updated);
    return structuredClone(updated);
  }

  /** The ERP's own user gives the action to another ERP user: it leaves this mailbox and enters theirs. */
  reassignInErp(erpId: string, ownerId: string): ErpAction {
    const current = this.require(erpId);
    const updated = { ...current, ownerId, version: current.version + 1, updatedAt: this.clock.now() };
    this.store(updated, current.ownerId === ownerId ? undefined : current.ownerId);
    return structuredClone(updated);
  }

  /** The ERP's own user deletes an action (the sync never does). */
  deleteInErp(erpId: string): void {
    const current = this.require(erpId);
    this.erp.actions.delete(erpId);
    this.record(erpId, current.ownerId);
  }

  action(erpId: string): ErpAction | undefined {
    const action = this.erp.actions.get(erpId);
    return action && structuredClone(action);
  }

  /** Every action the ERP holds, whoever owns it. */
  ids(): string[] {
    return [...this.erp.actions.keys()].sort();
  }

  private store(action: ErpAction, leftOwner?: string): void {
    this.erp.actions.set(action.id, action);
    this.record(action.id, leftOwner);
  }

  private record(erpId: string, leftOwner: string | undefined): void {
    this.erp.history.push({ sequence: this.erp.history.length + 1, erpId, ...(leftOwner === undefined ? {} : { left: leftOwner }) });
  }

  private require(erpId: string): ErpAction {
    const action = this.erp.actions.get(erpId);
    if (action === undefined) throw new Error(`the fake ERP has no action ${erpId}`);
    return action;
  }
}
