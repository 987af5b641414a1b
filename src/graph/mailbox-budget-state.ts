/**
 * How a mailbox's Graph budget looks to the client when a request asks to go: `throttled` when it
 * must wait (a `Retry-After` pause is in force, or the request window has no room left),
 * `near_limit` when the window holds 80% of the budget or more, `ok` otherwise.
 */
export const mailboxBudgetStates = ['ok', 'near_limit', 'throttled'] as const;

export type MailboxBudgetState = (typeof mailboxBudgetStates)[number];
