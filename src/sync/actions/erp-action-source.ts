import type { ChangeFeed } from '../../domain/erp-port';
import type { ActionInput, ActionPatch, ErpAction } from '../../domain/erp-records';

/** The fields an Outlook change may write back to an ERP action (never its owner, contact or account). */
export type ErpActionChanges = Pick<ActionPatch, 'subject' | 'notes' | 'start' | 'end' | 'dueDate' | 'allDay' | 'timeZone' | 'status'>;

/**
 * The ERP side of action sync, for one mailbox: the actions its ERP user owns (an action owned by
 * someone else never reaches this mailbox; one reassigned away leaves its scope). The event and
 * task collections share it, each keeping the actions `classifyAction` gives it. Failures throw
 * `ErpError`; there is no delete: the sync never deletes ERP data.
 */
export interface ErpActionSource {
  /** Every action in the mailbox's scope. Complete, or it throws: the two-listing removal rule counts on it. */
  listActionsInScope(): Promise<ErpAction[]>;
  /** Changes since `cursor`, oldest first; `deletedIds` are actions deleted or moved out of the scope (reassigned). */
  listActionChanges(cursor: string | undefined): Promise<ChangeFeed<ErpAction>>;
  /** Writes the given fields only; refused with `conflict` when `version` is not the record's current one. */
  updateActionFields(erpId: string, changes: ErpActionChanges, version: number): Promise<ErpAction>;
  /**
   * Creates an action owned by the mailbox's ERP user (an Outlook event the user tagged `ERP`).
   * `sourceKey` identifies the Outlook item, so a retried create finds the first action instead of
   * making a second one.
   */
  createAction(input: ActionInput, sourceKey: string): Promise<ErpAction>;
  /** The primary email of an ERP contact (an action's `contactId`); `undefined` when it has none or is gone. */
  contactEmailOf(contactId: string): Promise<string | undefined>;
}
