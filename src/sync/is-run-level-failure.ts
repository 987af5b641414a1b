import type { ErpErrorCode } from '../domain/erp-port';
import type { SyncErrorCode } from './sync-error';

/**
 * Whether a write's failure stops the whole run rather than being one item's failure in the report:
 * the mailbox refuses us (auth, consent or RBAC), Graph keeps throttling after the retries the
 * gateway made (its budget is spent), or the ERP is down. Anything else fails that item only.
 */
export function isRunLevelFailure(code: SyncErrorCode | ErpErrorCode): boolean {
  switch (code) {
    case 'auth_required':
    case 'forbidden':
    case 'throttled':
    case 'erp_unavailable':
      return true;
    case 'not_found':
    case 'cursor_expired':
    case 'conflict':
    case 'precondition_failed':
    case 'dependency_failed':
    case 'invalid_input':
    case 'unavailable':
      return false;
  }
}
