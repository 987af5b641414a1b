import type { ConflictPolicy } from '../../../src/domain/sync-settings';
import type { ActionEdit, ActionField } from './action-edit';
import { winner } from './expected-contact';

type Side = 'erp' | 'outlook';

/** What both systems must hold for the field an edit touched, once the sync has settled. */
export interface ExpectedAction {
  /** The ERP action's value of each field (`time`: `{ start, end }` instants). */
  erp: Partial<Record<ActionField, unknown>>;
  /** The Outlook item's (`undefined` fields: the item is not in the mailbox). */
  outlook: Partial<Record<ActionField, unknown>>;
  /** Whether the action has an event or task in Amélie's mailbox. */
  inMailbox: boolean;
  /** A value both sides changed differently: on record, and the side it went to (`undefined`: waiting for the user). */
  conflict?: { field: ActionField; erpValue: unknown; outlookValue: unknown; resolution: Side | undefined };
}

/**
 * The oracle of the action part of the chaos test, written from DESIGN §5 and issue 12, not from
 * the engines' merge code: a field one side changed takes that side's value on both; a value both
 * sides changed is a conflict the policy settles (`newest` by the later edit, `manual` not until
 * the user's `decision`, each side keeping its own value meanwhile); a reassigned action leaves the
 * mailbox; a deleted event or task leaves the ERP action as it was.
 */
export function expectedAction(edit: ActionEdit, policy: ConflictPolicy, decision?: Side): ExpectedAction {
  const { erp, outlook } = edit;
  if (edit.kind === 'erpReassign') return { erp: {}, outlook: {}, inMailbox: false };
  if (edit.kind === 'outlookDelete') return { erp: {}, outlook: {}, inMailbox: !outlook };
  const expected: ExpectedAction = { erp: {}, outlook: {}, inMailbox: true };
  for (const side of [erp, outlook]) {
    if (!side) continue;
    expected.erp[side.field] = side.value;
    expected.outlook[side.field] = side.value;
  }
  if (!erp || !outlook || erp.field !== outlook.field) return expected;
  const resolution = decision ?? winner(policy, erp.at, outlook.at);
  const conflict = { field: erp.field, erpValue: erp.value, outlookValue: outlook.value, resolution };
  if (resolution === undefined) return { erp: { [erp.field]: erp.value }, outlook: { [erp.field]: outlook.value }, inMailbox: true, conflict };
  const value = resolution === 'erp' ? erp.value : outlook.value;
  return { erp: { [erp.field]: value }, outlook: { [erp.field]: value }, inMailbox: true, conflict };
}
