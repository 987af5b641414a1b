/** How asking the user for consent in an Office dialog ended. */
export type ConsentOutcome =
  | { kind: 'granted' }
  /** Entra sent the user back with an error (declined: `access_denied`), in Entra's words. */
  | { kind: 'refused'; reason: string }
  /** The user closed the dialog (Office's 12006). */
  | { kind: 'closed' }
  /** The dialog could not open or broke (Office's 12002, 12007, 12009…), or no app id to ask for. */
  | { kind: 'failed'; reason: string };

/** Asks the user to consent to scopes for the bridge's application, in a dialog over Outlook. */
export interface UserConsent {
  /** `authority`: where the bridge says to consent; the pane's own authority otherwise. */
  ask(scopes: readonly string[], authority?: string): Promise<ConsentOutcome>;
}
