import type { OfficeAuthHost } from '../office/office-host';
import { OfficeCallError } from '../office/office-call-error';
import { classifyOfficeSsoError } from './classify-office-sso-error';
import { SignInError } from './sign-in-error';
import type { TokenStrategy } from './token-source';

/**
 * Legacy Office SSO (IdentityAPI 1.3): Office returns a token for the bridge's `api://` resource
 * named in the manifest's WebApplicationInfo; the bridge exchanges it on behalf of the user.
 */
export function createOfficeSsoStrategy(host: OfficeAuthHost): TokenStrategy {
  return {
    name: 'office-sso',
    isAvailable: () => host.isSetSupported('IdentityAPI', '1.3'),
    async acquire() {
      try {
        return await host.getAccessToken();
      } catch (error) {
        const code = error instanceof OfficeCallError ? error.code : 0;
        throw new SignInError(classifyOfficeSsoError(code), `Office SSO failed (${code})`, { cause: error });
      }
    },
  };
}
