import { authenticateClient } from './authenticate-client';
import type { DeviceCodeStore } from './device-code-store';
import { EntraError } from './entra-error';
import type { GrantContext, TokenRequest, TokenResponse } from './grant-context';
import { issueDelegatedTokens } from './issue-delegated-tokens';
import { parseScopeRequest } from './parse-scope-request';

/**
 * `urn:ietf:params:oauth:grant-type:device_code`: the device polls until the user approved the
 * code on `/devicelogin` (`authorization_pending` until then), then gets the user's tokens once.
 */
export function deviceCodeGrant(deviceCodes: DeviceCodeStore) {
  return async (context: GrantContext, request: TokenRequest): Promise<TokenResponse> => {
    const tenantName = request.tenant.kind === 'tenant' ? request.tenant.tenant.displayName : request.tenant.alias;
    const client = authenticateClient(context.directory, request, { confidentialFlow: false, tenantName });
    const code = request.form.device_code;
    if (!code) throw new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'device_code'.");
    const started = deviceCodes.findByDeviceCode(code);
    if (!started || started.clientId !== client.app.clientId) {
      throw new EntraError('invalid_grant', 70000, 'The provided device code is not valid for this application.');
    }
    if (started.expiresAt <= context.now) throw new EntraError('expired_token', 70019, 'Verification code expired.');
    const { answer } = started;
    switch (answer.kind) {
      case 'pending':
        throw new EntraError('authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.');
      case 'declined':
        throw new EntraError('authorization_declined', 70000, 'The user declined to authorize the device.');
      case 'redeemed':
        throw new EntraError('invalid_grant', 54005, 'The device code was already redeemed.');
      case 'approved': {
        const user = context.directory.users.find((candidate) => candidate.objectId === answer.userObjectId);
        if (!user) throw new EntraError('invalid_grant', 50034, 'The user account does not exist in the directory.');
        started.answer = { kind: 'redeemed' };
        const scope = parseScopeRequest(context.directory, started.scope);
        return issueDelegatedTokens(context, { user, client, request: scope, scopeParameter: started.scope, clientInfo: request.form.client_info === '1' });
      }
    }
  };
}
