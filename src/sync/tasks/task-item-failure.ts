import type { ErpErrorCode } from '../../domain/erp-port';
import type { SyncErrorCode } from '../sync-error';

/** One action whose writes failed in a run: the rest of the run goes on, and the next run tries it again. */
export interface TaskItemFailure {
  erpId: string;
  side: 'erp' | 'outlook';
  code: SyncErrorCode | ErpErrorCode;
  message: string;
}
