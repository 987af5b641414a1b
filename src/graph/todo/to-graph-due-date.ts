import type { DateTimeTimeZone } from '@microsoft/microsoft-graph-types';
import { SyncError } from '../../sync/sync-error';

/**
 * To Do keeps a due date as a date, shown as that date in every zone; Graph writes it as a
 * `dateTimeTimeZone`. The bridge writes midnight of the date labelled UTC, which To Do gives back
 * unchanged, so an ERP date stays that date whatever the mailbox's or the ERP's zone.
 *
 * @example toGraphDueDate('2026-03-29') // { dateTime: '2026-03-29T00:00:00.0000000', timeZone: 'UTC' }
 */
export function toGraphDueDate(date: string): DateTimeTimeZone {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new SyncError('invalid_input', `'${date}' is not a date such as 2026-03-29.`);
  return { dateTime: `${date}T00:00:00.0000000`, timeZone: 'UTC' };
}
