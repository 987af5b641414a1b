// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createNaaStrategy } from '../../../src/auth/create-naa-strategy';
import { createOfficeSsoStrategy } from '../../../src/auth/create-office-sso-strategy';
import { createTokenSource } from '../../../src/auth/create-token-source';
import { loadNaaClient } from '../../../src/auth/load-naa-client';
import type { HostAccount, OfficeAuthHost } from '../../../src/office/office-host';
import { type BridgeAnswer, type FakeNestedAppAuthBridge, installFakeNestedAppAuthBridge } from '../../fakes/fake-nested-app-auth-bridge';

const clientId = '6e1d2c3b-4a59-4876-9a1b-2c3d4e5f6a7b';
const scope = `api://erp.example.com/${clientId}/access_as_user`;
const config = { clientId, authority: 'https://login.microsoftonline.com/organizations', scope, dialogUrl: 'https://erp.example.com/auth-dialog.html' };
const ana: HostAccount = { userPrincipalName: 'ana@contoso.example', tenantId: '0a1b2c3d-0000-4000-8000-000000000001', userObjectId: '0a1b2c3d-0000-4000-8000-0000000000aa', loginHint: 'ana@contoso.example' };

function outlook(): OfficeAuthHost {
  return {
    isSetSupported: (name, version) => (name === 'NestedAppAuth' && version === '1.1') || (name === 'IdentityAPI' && version === '1.3'),
    getAccessToken: () => Promise.resolve('office-sso-token'),
    getAccount: () => Promise.resolve(ana),
    runDialog: () => Promise.reject(new Error('not used with nested app authentication')),
  };
}

let bridge: FakeNestedAppAuthBridge | undefined;
afterEach(() => {
  bridge?.uninstall();
  bridge = undefined;
  sessionStorage.clear();
});

function installBridge(answers: { silent: BridgeAnswer; popup: BridgeAnswer }) {
  bridge = installFakeNestedAppAuthBridge({ username: ana.userPrincipalName, tenantId: ana.tenantId, localAccountId: ana.userObjectId }, answers);
  return bridge;
}

const request = { interactive: false, forceRefresh: false };

describe('MSAL’s nested app authentication through Outlook’s bridge', () => {
  it('gets the bridge scope’s token silently, without a popup', async () => {
    const outlookBridge = installBridge({ silent: { accessToken: 'silent-token' }, popup: { status: 'USER_CANCEL' } });
    const strategy = createNaaStrategy(outlook(), scope, () => loadNaaClient(config, outlook()));
    expect(await strategy.acquire(request)).toBe('silent-token');
    expect(outlookBridge.requests).toEqual([{ method: 'GetInitContext' }, { method: 'GetToken', scope }]);
  });

  it('asks Outlook for its sign-in popup when the bridge says the user must act', async () => {
    const outlookBridge = installBridge({ silent: { status: 'USER_INTERACTION_REQUIRED' }, popup: { accessToken: 'popup-token' } });
    const strategy = createNaaStrategy(outlook(), scope, () => loadNaaClient(config, outlook()));
    expect(await strategy.acquire(request)).toBe('popup-token');
    expect(outlookBridge.requests.map((sent) => sent.method)).toEqual(['GetInitContext', 'GetToken', 'GetTokenPopup']);
  });

  it('stops at a cancelled popup, so no other sign-in method asks again', async () => {
    installBridge({ silent: { status: 'USER_INTERACTION_REQUIRED' }, popup: { status: 'USER_CANCEL' } });
    const strategy = createNaaStrategy(outlook(), scope, () => loadNaaClient(config, outlook()));
    await expect(strategy.acquire(request)).rejects.toMatchObject({ name: 'SignInError', code: 'sign_in_cancelled' });
  });

  it('leaves the sign-in to Office SSO when Outlook announces NAA but offers no bridge', async () => {
    const naa = createNaaStrategy(outlook(), scope, () => loadNaaClient(config, outlook()));
    await expect(naa.acquire(request)).rejects.toMatchObject({ name: 'SignInError', code: 'sign_in_unavailable' });
    const tokens = createTokenSource([naa, createOfficeSsoStrategy(outlook())], () => new Date('2026-12-06T08:00:00Z'));
    expect(await tokens.getToken()).toBe('office-sso-token');
  });
});
