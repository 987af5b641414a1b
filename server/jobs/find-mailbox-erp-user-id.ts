import type { ErpPort } from '../../src/domain/erp-port';
import type { UserRecord } from '../store/store';

/**
 * The ERP user whose records a mailbox syncs: the admin's override, else (members only, never a
 * B2B guest) the ERP user with the mailbox's email; `undefined` when there is none.
 */
export async function findMailboxErpUserId(erp: Pick<ErpPort, 'findUserByEmail'>, record: UserRecord): Promise<string | undefined> {
  if (record.erpUserIdOverride !== undefined) return record.erpUserIdOverride;
  if (record.isGuest) return undefined;
  return (await erp.findUserByEmail(record.email))?.id;
}
