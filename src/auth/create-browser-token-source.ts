import type { OfficeAuthHost } from '../office/office-host';
import type { AuthConfig } from './auth-config';
import { createDialogStrategy } from './create-dialog-strategy';
import { createNaaStrategy } from './create-naa-strategy';
import { createOfficeSsoStrategy } from './create-office-sso-strategy';
import { createTokenSource } from './create-token-source';
import { loadNaaClient } from './load-naa-client';
import { SignInError } from './sign-in-error';
import type { TokenSource } from './token-source';

/** The add-in's token source (DESIGN §3): NAA → legacy Office SSO → the sign-in dialog. */
export function createBrowserTokenSource(config: AuthConfig | undefined, host: OfficeAuthHost): TokenSource {
  if (!config) {
    return {
      getToken: () => Promise.reject(new SignInError('sign_in_unavailable', 'the add-in was opened without its appId; reinstall it from the manifest of this environment')),
    };
  }
  return createTokenSource(
    [createNaaStrategy(host, config.scope, () => loadNaaClient(config, host)), createOfficeSsoStrategy(host), createDialogStrategy(host, config.dialogUrl)],
    () => new Date(),
  );
}
