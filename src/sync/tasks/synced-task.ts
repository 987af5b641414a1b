import type { ErpAction } from '../../domain/erp-records';

/**
 * The fields of an ERP action that a To Do task carries, as the ERP holds them: what a link keeps
 * as the last synced values, and what a three-way merge compares. A due date is a date, never an
 * instant: it stays on that date in the mailbox's zone.
 */
export interface SyncedTask {
  subject: string;
  notes: string;
  dueDate: string | null;
  status: ErpAction['status'];
}
