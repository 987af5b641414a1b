import type { SignInErrorCode } from './sign-in-error';

export interface MsalFailure {
  code: SignInErrorCode;
  /** A silent attempt failed in a way a popup can fix. */
  needsInteraction: boolean;
}

const interactionCodes = new Set(['interaction_required', 'consent_required', 'login_required', 'no_account_error', 'no_tokens_found', 'bad_token', 'invalid_grant']);
const popupCodes = new Set(['popup_window_error', 'empty_window_error', 'block_nested_popups', 'monitor_window_timeout']);

/** MSAL spells it both ways: `user_cancelled` (browser flows) and `user_canceled` (Outlook's NAA bridge). */
const cancelCodes = new Set(['user_cancelled', 'user_canceled']);

/**
 * MSAL errors carry `errorCode` (and sometimes `subError`); the Entra ones quote AADSTS numbers
 * in the message: 65001 is missing consent, 50076/50079 multi-factor, 700016 an unknown app.
 * Read by field and name, not `instanceof`: MSAL's classes live in a chunk loaded on demand.
 */
export function classifyMsalError(error: unknown): MsalFailure {
  const errorCode = stringField(error, 'errorCode');
  const subError = stringField(error, 'subError');
  const message = stringField(error, 'errorMessage') || (error instanceof Error ? error.message : '');
  if (cancelCodes.has(errorCode) || cancelCodes.has(subError)) return { code: 'sign_in_cancelled', needsInteraction: false };
  if (subError === 'consent_required' || errorCode === 'consent_required' || /AADSTS65001/.test(message)) {
    return { code: 'consent_required', needsInteraction: true };
  }
  // Outlook's bridge answers USER_INTERACTION_REQUIRED with Entra's own code, or none: the class says it.
  const interaction = interactionCodes.has(errorCode) || stringField(error, 'name') === 'InteractionRequiredAuthError';
  if (interaction || /AADSTS(50076|50079|50058|70043)/.test(message)) return { code: 'auth_required', needsInteraction: true };
  // Older Outlook clients cannot open NAA's popup: another method (the Office dialog) can.
  if (popupCodes.has(errorCode)) return { code: 'sign_in_failed', needsInteraction: false };
  return { code: 'sign_in_failed', needsInteraction: false };
}

function stringField(value: unknown, key: string): string {
  if (typeof value !== 'object' || value === null || !(key in value)) return '';
  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : '';
}
