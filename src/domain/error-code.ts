/**
 * Error codes shared by the bridge API, the sync engine and the add-in. The UI maps each code to a
 * translated message; a new code must be handled wherever a `switch` over `ErrorCode` exists.
 */
export const errorCodes = [
  'invalid_input',
  'invalid_token',
  'auth_required',
  'forbidden',
  /** Nobody consented to what the bridge needs for this user; the body's `scopes` say what to consent to. */
  'consent_required',
  'not_found',
  'conflict',
  'throttled',
  'cursor_expired',
  'erp_unavailable',
  /** A service the bridge relies on (the identity provider's keys, Graph) does not answer. */
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** The one error body of the bridge API. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** With `consent_required`: the scopes the user consents to before retrying. */
  scopes?: string[];
  /** With `consent_required` from connecting: the user's tenant's authority as browsers reach it. */
  authority?: string;
}
