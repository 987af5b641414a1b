import type { ErpContact } from '../../domain/erp-records';
import type { NewAction } from '../../erp/bridge-client';

/** What the pane offers to create from a message; emails and notes come from logging. */
export const draftActionTypes = ['call', 'visit', 'meeting', 'task'] as const;
export type DraftActionType = (typeof draftActionTypes)[number];

export interface ActionDraft {
  type: DraftActionType;
  subject: string;
  contactId: string;
  notes: string;
  /** `datetime-local` values, in the user's zone. */
  start: string;
  end: string;
  /** `date` value. */
  dueDate: string;
}

const halfHourMs = 30 * 60_000;

/** A call, visit or meeting starts at the next half hour and lasts half an hour; a task is due today. */
export function newActionDraft(subject: string, contacts: ErpContact[], now: Date): ActionDraft {
  const start = new Date(Math.ceil(now.getTime() / halfHourMs) * halfHourMs);
  return {
    type: 'call',
    subject,
    contactId: contacts[0]?.id ?? '',
    notes: '',
    start: toLocalInput(start),
    end: toLocalInput(new Date(start.getTime() + halfHourMs)),
    dueDate: toLocalInput(now).slice(0, 10),
  };
}

export function toNewAction(draft: ActionDraft, contacts: ErpContact[], timeZone: string): NewAction {
  const contact = contacts.find((candidate) => candidate.id === draft.contactId);
  const when =
    draft.type === 'task'
      ? draft.dueDate
        ? { dueDate: draft.dueDate }
        : {}
      : { start: new Date(draft.start).toISOString(), end: new Date(draft.end).toISOString() };
  return {
    type: draft.type,
    subject: draft.subject.trim().slice(0, 255),
    ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
    ...when,
    timeZone,
    status: 'planned',
    ...(contact ? { contactId: contact.id } : {}),
    ...(contact?.accountId ? { accountId: contact.accountId } : {}),
  };
}

/** `YYYY-MM-DDTHH:mm` in local time, the value a `datetime-local` input holds. */
function toLocalInput(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
