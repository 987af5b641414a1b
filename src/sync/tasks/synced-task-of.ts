import type { ErpAction } from '../../domain/erp-records';
import type { SyncedTask } from './synced-task';

/** The synced fields of an ERP action; text trimmed, as the ERP stores it. */
export function syncedTaskOf(action: Pick<ErpAction, 'subject' | 'notes' | 'dueDate' | 'status'>): SyncedTask {
  return { subject: action.subject.trim(), notes: (action.notes ?? '').trim(), dueDate: action.dueDate ?? null, status: action.status };
}
