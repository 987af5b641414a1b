import { SignInError, type SignInErrorCode } from '../../auth/sign-in-error';
import type { ErrorCode } from '../../domain/error-code';
import { BridgeError } from '../../erp/bridge-error';
import { OfficeCallError } from '../../office/office-call-error';

export type UiErrorCode = ErrorCode | SignInErrorCode | 'office_failed';

export interface UiError {
  code: UiErrorCode;
  /** Retrying means signing in again, with the user present. */
  needsSignIn: boolean;
  /** The bridge's own words, shown as secondary text. */
  detail?: string;
}

/** The one place where failures become something a view can show. */
export function toUiError(error: unknown): UiError {
  if (error instanceof SignInError) return { code: error.code, needsSignIn: true };
  if (error instanceof BridgeError) {
    return { code: error.code, needsSignIn: error.code === 'auth_required' || error.code === 'invalid_token', detail: error.message };
  }
  if (error instanceof OfficeCallError) return { code: 'office_failed', needsSignIn: false, detail: error.message };
  return { code: 'internal', needsSignIn: false, detail: error instanceof Error ? error.message : String(error) };
}
