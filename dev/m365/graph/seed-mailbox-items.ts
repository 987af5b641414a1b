import type { SeedMailbox } from './graph-emulator-options';
import type { Mailbox } from './mailbox';
import { parseEventInput } from './parse-event-input';
import { parseTodoTaskInput } from './parse-todo-task-input';

/** Creates a seed's events, calendars, tasks and To Do lists, validated as Graph bodies are. */
export function seedMailboxItems(mailbox: Mailbox, seed: SeedMailbox): void {
  const { calendar, todo } = mailbox;
  for (const event of seed.events ?? []) calendar.createEvent(calendar.primaryCalendarId, parseEventInput(event));
  for (const seeded of seed.calendars ?? []) {
    const created = calendar.createCalendar(seeded.name);
    for (const event of seeded.events ?? []) calendar.createEvent(created.id, parseEventInput(event));
  }
  for (const task of seed.tasks ?? []) todo.createTask(todo.defaultListId, parseTodoTaskInput(task));
  for (const seeded of seed.todoLists ?? []) {
    const list = todo.createList(seeded.displayName);
    for (const task of seeded.tasks ?? []) todo.createTask(list.id, parseTodoTaskInput(task));
  }
}
