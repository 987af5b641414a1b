/** What the sign-in dialog sends to the taskpane: one JSON message. */
export type DialogMessage = { kind: 'token'; accessToken: string } | { kind: 'error'; errorCode: string };

export function serializeDialogMessage(message: DialogMessage): string {
  return JSON.stringify(message);
}

export function parseDialogMessage(text: string): DialogMessage {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && 'kind' in value) {
      if (value.kind === 'token' && 'accessToken' in value && typeof value.accessToken === 'string') return { kind: 'token', accessToken: value.accessToken };
      if (value.kind === 'error' && 'errorCode' in value && typeof value.errorCode === 'string') return { kind: 'error', errorCode: value.errorCode };
    }
  } catch {
    // Falls through: anything else from the dialog is a failure, never a token.
  }
  return { kind: 'error', errorCode: 'unreadable_dialog_message' };
}
