import type { CurrentItem, Person } from './office-item';

export type HostTheme = 'light' | 'dark' | 'highContrast';

/** What Office tells MSAL about the signed-in account (NestedAppAuth 1.1). */
export interface HostAccount {
  userPrincipalName: string;
  tenantId: string;
  userObjectId: string;
  loginHint: string;
}

/** A message from the sign-in dialog, or the reason it ended without one. */
export type DialogOutcome = { kind: 'message'; message: string } | { kind: 'closed' } | { kind: 'failed'; code: number };

/** Office's sign-in services: used only by `src/auth`. */
export interface OfficeAuthHost {
  isSetSupported(name: string, version: string): boolean;
  /** Legacy Office SSO; rejects with `OfficeCallError` carrying Office's numeric code (13001…). */
  getAccessToken(): Promise<string>;
  /** Undefined where the host does not know (no NestedAppAuth 1.1). */
  getAccount(): Promise<HostAccount | undefined>;
  /** Opens a dialog on `url` and settles with its first message, or how it ended. */
  runDialog(url: string): Promise<DialogOutcome>;
}

/**
 * The one seam over Office.js. Views and hooks receive it through the services context, so tests
 * render them with a fake and no `Office` global.
 */
export interface OfficeHost extends OfficeAuthHost {
  /** Undefined when no item is selected (a pinned pane between selections). */
  readCurrentItem(): Promise<CurrentItem | undefined>;
  /** The body of the current item as plain text. */
  readBodyText(): Promise<string>;
  /** Calls `listener` when the user selects another item; returns the unsubscribe function. */
  subscribeItemChanged(listener: () => void): () => void;
  /** The mailbox owner's address, left out of the people shown. */
  userEmail(): string;
  /** Office's display language, such as `es-ES`. */
  displayLanguage(): string;
  theme(): HostTheme;
  subscribeThemeChanged(listener: (theme: HostTheme) => void): () => void;
  /** Per-user settings that follow the mailbox (Outlook roaming settings, 32 KB in all). */
  readSetting(key: string): string | undefined;
  writeSetting(key: string, value: string): Promise<void>;
  /** Compose only: inserts text at the cursor of the body. */
  insertText(text: string): Promise<void>;
  /** Compose only: adds people to the To or Cc line. */
  addRecipients(field: 'to' | 'cc', people: Person[]): Promise<void>;
}
