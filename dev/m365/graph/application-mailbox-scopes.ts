/**
 * Exchange Online's RBAC for Applications, as far as Graph shows it: an app given a management
 * scope reaches only the mailboxes in it; any other mailbox answers 403 `ErrorAccessDenied`.
 * Apps without a scope reach every mailbox of the tenant their application permissions cover.
 */
export class ApplicationMailboxScopes {
  private readonly scopes = new Map<string, ReadonlySet<string>>();

  /** Restricts an app to these mailbox ids; `undefined` lifts the restriction. */
  scope(appId: string, mailboxIds: readonly string[] | undefined): void {
    if (mailboxIds) this.scopes.set(appId.toLowerCase(), new Set(mailboxIds.map((id) => id.toLowerCase())));
    else this.scopes.delete(appId.toLowerCase());
  }

  allows(appId: string, mailboxId: string): boolean {
    const scope = this.scopes.get(appId.toLowerCase());
    return !scope || scope.has(mailboxId.toLowerCase());
  }
}
