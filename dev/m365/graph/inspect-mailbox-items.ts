import type { Mailbox } from './mailbox';
import { type GraphCalendarJson, renderCalendar } from './render-calendar';
import { type GraphEventJson, renderEvent } from './render-event';
import { type GraphTodoTaskJson, type GraphTodoTaskListJson, renderTodoList, renderTodoTask } from './render-todo';
import { utcTimeZone } from './resolve-time-zone';

/** A stored event with its calendar and every extended property, which Graph itself never lists. */
export type InspectedEvent = GraphEventJson & { calendarId: string };

/** A stored task with its list and its linked resources. */
export type InspectedTask = GraphTodoTaskJson & { listId: string };

export interface MailboxItemsSnapshot {
  primaryCalendarId: string;
  calendars: GraphCalendarJson[];
  events: InspectedEvent[];
  defaultTodoListId: string;
  todoLists: GraphTodoTaskListJson[];
  tasks: InspectedTask[];
}

/** The calendar and To Do part of the admin API's view of a mailbox; times in UTC. */
export function inspectMailboxItems(mailbox: Mailbox): MailboxItemsSnapshot {
  const { calendar, todo, user } = mailbox;
  const owner = { name: user.displayName, address: user.mail };
  return {
    primaryCalendarId: calendar.primaryCalendarId,
    calendars: calendar.listCalendars().map((record) => renderCalendar(record, owner)),
    events: calendar.allEvents().map((event) => ({
      ...renderEvent(event, { zone: utcTimeZone, bodyContentType: 'text', expandedPropertyKeys: new Set(event.extendedProperties.keys()) }),
      calendarId: event.calendarId,
    })),
    defaultTodoListId: todo.defaultListId,
    todoLists: todo.listLists().map((list) => renderTodoList(list)),
    tasks: todo.allTasks().map((task) => ({ ...renderTodoTask(task, { zone: utcTimeZone, linkedResources: true }), listId: task.listId })),
  };
}
