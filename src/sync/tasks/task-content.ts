/** What the bridge writes of a task: title, text body, due date (a date in the mailbox's zone) and completion. */
export interface TaskContent {
  title: string;
  notes: string;
  dueDate: string | null;
  completed: boolean;
}
