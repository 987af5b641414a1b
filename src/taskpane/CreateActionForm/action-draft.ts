import { Temporal } from 'temporal-polyfill';
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

/** A call, visit or meeting starts at the next half hour and lasts half an hour; a task is due today, all in the user's zone. */
export function newActionDraft(subject: string, contacts: ErpContact[], now: Date, timeZone: string): ActionDraft {
  const start = Math.ceil(now.getTime() / halfHourMs) * halfHourMs;
  return {
    type: 'call',
    subject,
    contactId: contacts[0]?.id ?? '',
    notes: '',
    start: toLocalInput(start, timeZone),
    end: toLocalInput(start + halfHourMs, timeZone),
    dueDate: toLocalInput(now.getTime(), timeZone).slice(0, 10),
  };
}

export function toNewAction(draft: ActionDraft, contacts: ErpContact[], timeZone: string): NewAction {
  const contact = contacts.find((candidate) => candidate.id === draft.contactId);
  const when =
    draft.type === 'task'
      ? draft.dueDate
        ? { dueDate: draft.dueDate }
        : {}
      : { start: toInstant(draft.start, timeZone), end: toInstant(draft.end, timeZone) };
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

/** `YYYY-MM-DDTHH:mm` in the user's zone, the value a `datetime-local` input holds. */
function toLocalInput(epochMs: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** The instant a `datetime-local` value names in the user's zone: in a DST gap, later by the gap; in a repeated hour, its first pass (Temporal's `compatible`). */
function toInstant(local: string, timeZone: string): string {
  const instant = Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
  return new Date(instant).toISOString();
}
