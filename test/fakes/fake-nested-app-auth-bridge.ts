/** What Outlook answers a GetToken or GetTokenPopup request with: a token, or a bridge error status. */
export type BridgeAnswer = { accessToken: string } | { status: 'USER_INTERACTION_REQUIRED' | 'USER_CANCEL' | 'ACCOUNT_UNAVAILABLE' };

export interface BridgeAccount {
  username: string;
  tenantId: string;
  localAccountId: string;
}

export interface FakeNestedAppAuthBridge {
  /** Every request MSAL posted, in order: the method and, for token requests, the scope asked for. */
  requests: { method: string; scope?: string }[];
  uninstall(): void;
}

interface BridgeRequest {
  method: string;
  requestId: string;
  tokenParams?: { scope?: string };
}

/**
 * Outlook's side of nested app authentication, as MSAL sees it on `window.nestedAppAuthBridge`:
 * JSON requests in, JSON envelopes out (GetInitContext, then GetToken or GetTokenPopup). The id
 * token is unsigned: MSAL reads its claims, the bridge validates access tokens, never id tokens.
 */
export function installFakeNestedAppAuthBridge(
  account: BridgeAccount,
  answers: { silent: BridgeAnswer; popup: BridgeAnswer },
): FakeNestedAppAuthBridge {
  const requests: FakeNestedAppAuthBridge['requests'] = [];
  const listeners: ((response: string) => void)[] = [];
  const respond = (envelope: object) => queueMicrotask(() => listeners.forEach((listener) => listener(JSON.stringify({ messageType: 'NestedAppAuthResponse', ...envelope }))));
  const environment = 'login.microsoftonline.com';
  const bridge = {
    addEventListener: (_event: string, listener: (response: string) => void) => listeners.push(listener),
    removeEventListener: (_event: string, listener: (response: string) => void) => listeners.splice(listeners.indexOf(listener), 1),
    postMessage(message: string) {
      const request = JSON.parse(message) as BridgeRequest;
      requests.push({ method: request.method, ...(request.tokenParams?.scope ? { scope: request.tokenParams.scope } : {}) });
      if (request.method === 'GetInitContext') {
        const accountContext = { homeAccountId: `${account.localAccountId}.${account.tenantId}`, environment, tenantId: account.tenantId };
        respond({ requestId: request.requestId, success: true, initContext: { sdkName: 'outlook-fake', sdkVersion: '1.0', accountContext } });
        return;
      }
      const answer = request.method === 'GetTokenPopup' ? answers.popup : answers.silent;
      if ('status' in answer) {
        respond({ requestId: request.requestId, success: false, error: { status: answer.status } });
        return;
      }
      const token = { access_token: answer.accessToken, expires_in: 3600, id_token: unsignedIdToken(account), scope: request.tokenParams?.scope, properties: null };
      respond({ requestId: request.requestId, success: true, token, account: { homeAccountId: `${account.localAccountId}.${account.tenantId}`, environment, ...account } });
    },
  };
  Object.assign(window, { nestedAppAuthBridge: bridge });
  return { requests, uninstall: () => Reflect.deleteProperty(window, 'nestedAppAuthBridge') };
}

function unsignedIdToken(account: BridgeAccount): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = { tid: account.tenantId, oid: account.localAccountId, preferred_username: account.username, iss: `https://login.microsoftonline.com/${account.tenantId}/v2.0` };
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}
