/**
 * When an action happens, for newest-first lists: its start, else its due date, else when it was
 * written. UTC ISO text, so that text order is time order.
 */
export function actionSortAt(start: string | null, dueDate: string | null, writtenAt: string): string {
  return start ?? (dueDate ? `${dueDate}T00:00:00.000Z` : writtenAt);
}
