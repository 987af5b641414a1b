import type { ChangeType } from '@microsoft/microsoft-graph-types';

/** The kinds of mailbox items whose changes Graph can notify about. */
export type MailboxItemKind = 'contact' | 'event' | 'task';

/** One write to a mailbox item, as change notifications report it. */
export interface MailboxChange {
  kind: MailboxItemKind;
  /** The contact folder, calendar or To Do list the item is in (or was in, for a delete or a move out). */
  containerId: string;
  /** The REST id at the time of the write (contacts); events and tasks have one id. */
  itemId: string;
  immutableId: string;
  changeType: ChangeType;
  /** The item's change key after the write; absent for a delete. */
  changeKey?: string;
}

/**
 * The mailbox's write sequence (delta rounds read "everything up to sequence N") and the
 * outlet through which every write is published to change-notification subscriptions.
 */
export class MailboxChangeFeed {
  private current = 0;

  constructor(private readonly listener: (change: MailboxChange) => void = () => undefined) {}

  get sequence(): number {
    return this.current;
  }

  next(): number {
    this.current += 1;
    return this.current;
  }

  publish(change: MailboxChange): void {
    this.listener(change);
  }
}
