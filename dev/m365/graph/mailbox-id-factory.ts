import { createHash } from 'node:crypto';

function digest(...parts: readonly (string | number)[]): Buffer {
  return createHash('sha256').update(parts.join('\u0000')).digest();
}

/**
 * Mints the opaque identifiers of one mailbox. They are derived from the mailbox id and a
 * counter, so a run is reproducible, yet they look like Exchange's: long, base64, case-sensitive.
 * REST ids change when an item moves to another folder; immutable ids never do.
 */
export class MailboxIdFactory {
  private counter = 0;

  constructor(private readonly mailboxId: string) {}

  folderId(): string {
    return `AAMkA${this.opaque('folder', 36)}AuAAAAAAA=`;
  }

  immutableContactId(): string {
    return `AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A${this.opaque('immutable', 42)}AAA=`;
  }

  restContactId(): string {
    return `AAMkA${this.opaque('rest', 90)}AAA=`;
  }

  /** A change key is standard (not URL-safe) base64, like Exchange's `EQAAABYAAAA…`. */
  changeKey(): string {
    return `EQAAABYAAAA${digest(this.mailboxId, 'changeKey', this.next()).toString('base64').slice(0, 29)}`;
  }

  deltaToken(): string {
    return this.opaque('delta', 48);
  }

  calendarId(): string {
    return `AAMkA${this.opaque('calendar', 36)}AuAAAAAAAEGAAA=`;
  }

  /** Events keep one id in the emulator: it does not emulate moving an event between calendars. */
  eventId(): string {
    return `AAMkA${this.opaque('event', 90)}AAA=`;
  }

  /** Exchange's iCalUId: a fixed Outlook prefix and a per-item part, in upper-case hex. */
  iCalUId(): string {
    return `040000008200E00074C5B7101A82E00800000000${digest(this.mailboxId, 'ical', this.next()).toString('hex').slice(0, 56).toUpperCase()}`;
  }

  todoListId(): string {
    return `AQMkA${this.opaque('todoList', 60)}AAAA==`;
  }

  todoTaskId(): string {
    return `AAMkA${this.opaque('todoTask', 120)}AAA=`;
  }

  /** Linked resources have GUID ids. */
  guid(): string {
    const hex = digest(this.mailboxId, 'guid', this.next()).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  private opaque(kind: string, length: number): string {
    const counter = this.next();
    let text = '';
    for (let block = 0; text.length < length; block += 1) {
      text += digest(this.mailboxId, kind, counter, block).toString('base64url');
    }
    return text.slice(0, length);
  }

  private next(): number {
    this.counter += 1;
    return this.counter;
  }
}
