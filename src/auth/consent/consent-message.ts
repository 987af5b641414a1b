import type { ConsentOutcome } from './user-consent';

/** What the consent dialog's page sends to the taskpane with `messageParent`. */
export type ConsentMessage = Extract<ConsentOutcome, { kind: 'granted' } | { kind: 'refused' }>;

export function serializeConsentMessage(message: ConsentMessage): string {
  return JSON.stringify(message);
}

/** Anything but our own message is a refusal, never a consent. */
export function parseConsentMessage(text: string): ConsentMessage {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && 'kind' in value) {
      if (value.kind === 'granted') return { kind: 'granted' };
      if (value.kind === 'refused' && 'reason' in value && typeof value.reason === 'string') return { kind: 'refused', reason: value.reason };
    }
  } catch {
    // Falls through.
  }
  return { kind: 'refused', reason: 'the consent window sent an unreadable message' };
}
