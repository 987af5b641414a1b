/** A mailbox: `'me'` for the signed-in user (delegated), otherwise a user id or principal name (app-only). */
export type Mailbox = string;

/** The Graph path of a mailbox: `/me` or `/users/{id}`. */
export function mailboxPath(mailbox: Mailbox): string {
  return mailbox.toLowerCase() === 'me' ? '/me' : `/users/${encodeURIComponent(mailbox)}`;
}

/**
 * The mailbox a path addresses, as the key of its throttling gate: `me`, a lower-cased user id or
 * principal name, or `undefined` for paths outside any mailbox (`/$batch`, `/subscriptions`).
 */
export function mailboxOfPath(path: string): Mailbox | undefined {
  const match = /^\/?(me|users\/([^/?]+))(?=[/?]|$)/i.exec(path);
  if (!match) return undefined;
  return match[2] === undefined ? 'me' : decodeURIComponent(match[2]).toLowerCase();
}
