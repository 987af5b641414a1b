import { ErpError, type ChangeFeed } from '../../src/domain/erp-port';
import type { ActionInput, ErpAction } from '../../src/domain/erp-records';
import type { ErpActionChanges, ErpActionSource } from '../../src/sync/actions/erp-action-source';
import type { FakeClock } from './fake-clock';

interface FeedEntry {
  sequence: number;
  erpId: string;
  left: boolean;
}

/**
 * One mailbox's ERP actions with a real change feed: the cursor is the sequence of the last change
 * read, a page holds at most `pageSize` changes, an action deleted or reassigned away is in
 * `deletedIds`. Writes check the version, as the ERP port does.
 */
export class FakeActionFeed implements ErpActionSource {
  private readonly actions = new Map<string, ErpAction>();
  private readonly entries: FeedEntry[] = [];
  private sequence = 0;
  writes = 0;
  /** Makes the next writes of one action fail, as a refusing ERP would. */
  failWith: (erpId: string) => ErpError | undefined = () => undefined;

  constructor(
    private readonly clock: FakeClock,
    actions: readonly ErpAction[] = [],
    private readonly pageSize = 3,
  ) {
    for (const action of actions) this.put(action);
  }

  /** The ERP's own user writes an action (created or edited): its version goes up unless given. */
  put(action: ErpAction): ErpAction {
    const current = this.actions.get(action.id);
    const stored = { ...structuredClone(action), version: current && action.version <= current.version ? current.version + 1 : action.version };
    this.actions.set(action.id, stored);
    this.log(action.id, false);
    return structuredClone(stored);
  }

  /** The action is deleted, or reassigned to another ERP user: it leaves the mailbox's scope. */
  leave(erpId: string): void {
    this.actions.delete(erpId);
    this.log(erpId, true);
  }

  get(erpId: string): ErpAction | undefined {
    const action = this.actions.get(erpId);
    return action && structuredClone(action);
  }

  all(): ErpAction[] {
    return [...this.actions.values()].map((action) => structuredClone(action));
  }

  async listActionsInScope(): Promise<ErpAction[]> {
    return this.all();
  }

  async listActionChanges(cursor: string | undefined): Promise<ChangeFeed<ErpAction>> {
    const after = cursor === undefined ? 0 : Number(cursor);
    const page = this.entries.filter((entry) => entry.sequence > after).slice(0, this.pageSize);
    const last = page.at(-1)?.sequence ?? after;
    const items: ErpAction[] = [];
    const deletedIds: string[] = [];
    for (const entry of page) {
      const action = this.actions.get(entry.erpId);
      if (entry.left || action === undefined) deletedIds.push(entry.erpId);
      else items.push(structuredClone(action));
    }
    return { items, deletedIds, nextCursor: String(last), hasMore: this.entries.some((entry) => entry.sequence > last) };
  }

  async updateActionFields(erpId: string, changes: ErpActionChanges, version: number): Promise<ErpAction> {
    const failure = this.failWith(erpId);
    if (failure) throw failure;
    const current = this.actions.get(erpId);
    if (current === undefined) throw new ErpError('not_found', `action ${erpId} does not exist`);
    if (current.version !== version) throw new ErpError('conflict', `action ${erpId} is at version ${current.version}, not ${version}`);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const updated: ErpAction = { ...current, ...defined, subject: (changes.subject ?? current.subject).trim(), version: current.version + 1, updatedAt: this.clock.now() };
    this.actions.set(erpId, updated);
    this.log(erpId, false);
    this.writes += 1;
    return structuredClone(updated);
  }

  async createAction(_input: ActionInput, _sourceKey: string): Promise<ErpAction> {
    throw new ErpError('invalid_input', 'task sync never creates ERP actions');
  }

  private log(erpId: string, left: boolean): void {
    this.sequence += 1;
    this.entries.push({ sequence: this.sequence, erpId, left });
  }
}
