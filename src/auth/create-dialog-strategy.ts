import type { OfficeAuthHost } from '../office/office-host';
import { classifyMsalError } from './classify-msal-error';
import { parseDialogMessage } from './dialog-message';
import { SignInError } from './sign-in-error';
import type { TokenStrategy } from './token-source';

/**
 * The last resort: our own sign-in page in an Office dialog, running standard MSAL with a
 * redirect, which sends the token back with `messageParent`. It opens only when the user asks,
 * so a pane never pops a window by itself.
 */
export function createDialogStrategy(host: OfficeAuthHost, dialogUrl: string): TokenStrategy {
  return {
    name: 'dialog',
    isAvailable: () => host.isSetSupported('DialogApi', '1.1'),
    async acquire({ interactive }) {
      if (!interactive) throw new SignInError('auth_required', 'sign-in needs the user: press Sign in');
      const outcome = await host.runDialog(dialogUrl);
      if (outcome.kind === 'closed') throw new SignInError('sign_in_cancelled', 'the sign-in window was closed');
      // 12009: the user declined to open the dialog.
      if (outcome.kind === 'failed') {
        throw new SignInError(outcome.code === 12009 ? 'sign_in_cancelled' : 'sign_in_failed', `the sign-in dialog failed (${outcome.code})`);
      }
      const message = parseDialogMessage(outcome.message);
      if (message.kind === 'token') return message.accessToken;
      throw new SignInError(classifyMsalError({ errorCode: message.errorCode }).code, `sign-in in the dialog failed: ${message.errorCode}`);
    },
  };
}
