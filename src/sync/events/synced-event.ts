/** How an event shows the mailbox owner's time: visits, meetings and calls block it; other actions do not. */
export type EventShowAs = 'busy' | 'free';

/**
 * What an ERP action and its Outlook event agree on, in the values both sides compare: the
 * snapshot of a link is one of these. A timed event's `start` and `end` are UTC instants
 * (`2026-03-02T09:00:00.000Z`); an all-day event's are its first date and the day after its last
 * (`2026-03-02`, `2026-03-03`), which stay put in every zone.
 */
export interface SyncedEvent {
  subject: string;
  /** Plain text, `\n` line ends, no trailing blank; `''` when there are none. Never HTML. */
  notes: string;
  start: string;
  end: string;
  allDay: boolean;
  /** The ERP's IANA zone, written with the times; read from the ERP only. */
  timeZone: string;
  /** Written as `sensitivity: private`; read from the ERP only. */
  private: boolean;
  /** Read from the ERP only. */
  showAs: EventShowAs;
}

/** The fields merged both ways; a move is one change of `time` (start, end and all-day together). */
export const eventMergeFields = ['subject', 'notes', 'time'] as const;
export type EventMergeField = (typeof eventMergeFields)[number];

/** The fields the ERP alone decides: an Outlook edit of them is left as it is, never written back. */
export const erpOnlyEventFields = ['timeZone', 'private', 'showAs'] as const;
