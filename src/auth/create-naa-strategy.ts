import { classifyMsalError } from './classify-msal-error';
import type { NaaClient } from './naa-client';
import { SignInError } from './sign-in-error';
import type { TokenStrategy } from './token-source';

interface NaaHost {
  isSetSupported(name: string, version: string): boolean;
}

/**
 * Nested app authentication (NestedAppAuth 1.1): Outlook's own sign-in hands MSAL a token for the
 * bridge scope. Silent first; a popup when the user must sign in or consent.
 */
export function createNaaStrategy(host: NaaHost, scope: string, loadClient: () => Promise<NaaClient>): TokenStrategy {
  let client: Promise<NaaClient> | undefined;
  return {
    name: 'nested-app-auth',
    isAvailable: () => host.isSetSupported('NestedAppAuth', '1.1'),
    async acquire({ forceRefresh }) {
      client ??= loadClient().catch((error: unknown) => {
        client = undefined;
        throw error;
      });
      const naa = await client;
      const request = { scopes: [scope], forceRefresh };
      try {
        return await naa.acquireSilent(request);
      } catch (silentError) {
        const silent = classifyMsalError(silentError);
        if (!silent.needsInteraction) throw new SignInError(silent.code, 'nested app authentication failed', { cause: silentError });
      }
      try {
        return await naa.acquirePopup(request);
      } catch (popupError) {
        throw new SignInError(classifyMsalError(popupError).code, 'nested app authentication popup failed', { cause: popupError });
      }
    },
  };
}
