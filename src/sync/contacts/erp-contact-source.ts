import type { ChangeFeed } from '../../domain/erp-port';
import type { ErpContact } from '../../domain/erp-records';
import type { ErpContactChanges } from './erp-contact-changes';

/**
 * The ERP side of contact sync, for one mailbox. The runner implements it over `ErpPort` and the
 * mailbox's scope rules. Failures throw `ErpError`; there is no delete: the sync never deletes ERP data.
 */
export interface ErpContactSource {
  /**
   * Every contact in the mailbox's scope. Complete, or it throws: the two-listing removal rule counts
   * on it. `shrink`, when given, sees each record as its page arrives and its result is kept instead.
   */
  listContactsInScope<Listed = ErpContact>(shrink?: (contact: ErpContact) => Listed): Promise<(ErpContact | Listed)[]>;
  /** Changes since `cursor`, oldest first; `deletedIds` are explicit tombstones. */
  listContactChanges(cursor: string | undefined): Promise<ChangeFeed<ErpContact>>;
  /** Writes the given fields only; refused with `conflict` when `version` is not the record's current one. */
  updateContactFields(erpId: string, changes: ErpContactChanges, version: number): Promise<ErpContact>;
}
