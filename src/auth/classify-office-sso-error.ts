import type { SignInErrorCode } from './sign-in-error';

/**
 * Office's `getAccessToken` error numbers: 13001 no one signed in, 13002 the user aborted sign-in
 * or consent, 13005 the scope was never granted (consent or pre-authorisation missing); the rest
 * say this client cannot do SSO here, which another method may overcome.
 */
export function classifyOfficeSsoError(code: number): SignInErrorCode {
  switch (code) {
    case 13001:
      return 'auth_required';
    case 13002:
      return 'sign_in_cancelled';
    case 13005:
      return 'consent_required';
    case 13000:
    case 13003:
    case 13012:
      return 'sign_in_unavailable';
    default:
      return 'sign_in_failed';
  }
}
