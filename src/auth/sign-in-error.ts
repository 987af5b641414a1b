/**
 * Why no token could be had. The UI maps each code to a translated message; all of them offer a
 * retry, which signs in interactively.
 */
export type SignInErrorCode =
  /** The user or an admin has not consented to the add-in's scope. */
  | 'consent_required'
  /** Nobody is signed in, or the sign-in must be repeated with the user present. */
  | 'auth_required'
  /** The user closed the sign-in window. */
  | 'sign_in_cancelled'
  /** No sign-in method works in this Outlook, or the add-in URL lacks its configuration. */
  | 'sign_in_unavailable'
  /** A sign-in method failed for another reason (network, identity provider). */
  | 'sign_in_failed';

export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(
    readonly code: SignInErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** When several methods fail, the most useful reason wins: what the user can act on comes first. */
const precedence: readonly SignInErrorCode[] = ['sign_in_cancelled', 'consent_required', 'auth_required', 'sign_in_failed', 'sign_in_unavailable'];

export function mostUseful(a: SignInError | undefined, b: SignInError): SignInError {
  if (!a) return b;
  return precedence.indexOf(b.code) < precedence.indexOf(a.code) ? b : a;
}
