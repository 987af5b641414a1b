import { describe, expect, it } from 'vitest';
import { classifyMsalError } from '../../../src/auth/classify-msal-error';
import { classifyOfficeSsoError } from '../../../src/auth/classify-office-sso-error';
import { createDialogStrategy } from '../../../src/auth/create-dialog-strategy';
import { createNaaStrategy } from '../../../src/auth/create-naa-strategy';
import { createOfficeSsoStrategy } from '../../../src/auth/create-office-sso-strategy';
import { serializeDialogMessage } from '../../../src/auth/dialog-message';
import type { NaaClient } from '../../../src/auth/naa-client';
import { OfficeCallError } from '../../../src/office/office-call-error';
import type { DialogOutcome, OfficeAuthHost } from '../../../src/office/office-host';

const scope = 'api://erp.example.com/6e1d2c3b-4a59-4876-9a1b-2c3d4e5f6a7b/access_as_user';

function host(overrides: Partial<OfficeAuthHost> & { sets?: string[] } = {}): OfficeAuthHost {
  const sets = new Set(overrides.sets ?? ['NestedAppAuth 1.1', 'IdentityAPI 1.3', 'DialogApi 1.1']);
  return {
    isSetSupported: (name, version) => sets.has(`${name} ${version}`),
    getAccessToken: overrides.getAccessToken ?? (() => Promise.resolve('sso-token')),
    getAccount: () => Promise.resolve(undefined),
    runDialog: overrides.runDialog ?? (() => Promise.resolve({ kind: 'closed' })),
  };
}

const request = { interactive: false, forceRefresh: false };

describe('nested app authentication', () => {
  it('is offered only where Outlook supports NestedAppAuth 1.1', () => {
    const load = () => Promise.reject(new Error('not loaded'));
    expect(createNaaStrategy(host(), scope, load).isAvailable()).toBe(true);
    expect(createNaaStrategy(host({ sets: ['IdentityAPI 1.3'] }), scope, load).isAvailable()).toBe(false);
  });

  it('asks silently first, for the bridge scope only', async () => {
    const asked: string[][] = [];
    const client: NaaClient = { acquireSilent: async ({ scopes }) => (asked.push(scopes), 'silent'), acquirePopup: () => Promise.reject(new Error('no popup')) };
    expect(await createNaaStrategy(host(), scope, async () => client).acquire(request)).toBe('silent');
    expect(asked).toEqual([[scope]]);
  });

  it('opens the popup when the silent attempt needs the user', async () => {
    const client: NaaClient = { acquireSilent: () => Promise.reject({ errorCode: 'interaction_required' }), acquirePopup: async () => 'popup' };
    expect(await createNaaStrategy(host(), scope, async () => client).acquire(request)).toBe('popup');
  });

  it('fails over to another method when the popup cannot open', async () => {
    const client: NaaClient = { acquireSilent: () => Promise.reject({ errorCode: 'no_account_error' }), acquirePopup: () => Promise.reject({ errorCode: 'popup_window_error' }) };
    await expect(createNaaStrategy(host(), scope, async () => client).acquire(request)).rejects.toMatchObject({ code: 'sign_in_failed' });
  });

  it('loads MSAL once, and again after a failed load', async () => {
    let loads = 0;
    const strategy = createNaaStrategy(host(), scope, async () => {
      loads += 1;
      if (loads === 1) throw new Error('chunk failed to load');
      return { acquireSilent: async () => 't', acquirePopup: async () => 't' };
    });
    await expect(strategy.acquire(request)).rejects.toThrow('chunk failed to load');
    await strategy.acquire(request);
    await strategy.acquire(request);
    expect(loads).toBe(2);
  });
});

describe('legacy Office SSO', () => {
  it('is offered where IdentityAPI 1.3 is, and returns Office’s token', async () => {
    const strategy = createOfficeSsoStrategy(host());
    expect(strategy.isAvailable()).toBe(true);
    expect(await strategy.acquire(request)).toBe('sso-token');
  });

  it.each([
    [13001, 'auth_required'],
    [13002, 'sign_in_cancelled'],
    [13005, 'consent_required'],
    [13012, 'sign_in_unavailable'],
    [13006, 'sign_in_failed'],
  ] as const)('turns Office error %i into %s', async (code, expected) => {
    expect(classifyOfficeSsoError(code)).toBe(expected);
    const strategy = createOfficeSsoStrategy(host({ getAccessToken: () => Promise.reject(new OfficeCallError(code, 'Office says no')) }));
    await expect(strategy.acquire(request)).rejects.toMatchObject({ code: expected });
  });
});

describe('the sign-in dialog', () => {
  const dialog = (outcome: DialogOutcome) => createDialogStrategy(host({ runDialog: async () => outcome }), 'https://erp.example.com/auth-dialog.html?appId=x');

  it('never opens by itself: a pane load gets auth_required and a Sign in button', async () => {
    await expect(dialog({ kind: 'message', message: '{}' }).acquire(request)).rejects.toMatchObject({ code: 'auth_required' });
  });

  it('returns the token the dialog sends back', async () => {
    const message = serializeDialogMessage({ kind: 'token', accessToken: 'dialog-token' });
    expect(await dialog({ kind: 'message', message }).acquire({ interactive: true, forceRefresh: false })).toBe('dialog-token');
  });

  it.each([
    [{ kind: 'closed' } as const, 'sign_in_cancelled'],
    [{ kind: 'failed', code: 12009 } as const, 'sign_in_cancelled'],
    [{ kind: 'failed', code: 12011 } as const, 'sign_in_failed'],
    [{ kind: 'message', message: serializeDialogMessage({ kind: 'error', errorCode: 'consent_required' }) } as const, 'consent_required'],
    [{ kind: 'message', message: 'not json' } as const, 'sign_in_failed'],
  ])('reports %j as %s', async (outcome, code) => {
    await expect(dialog(outcome).acquire({ interactive: true, forceRefresh: false })).rejects.toMatchObject({ code });
  });
});

describe('MSAL errors', () => {
  it.each([
    [{ errorCode: 'user_cancelled' }, 'sign_in_cancelled', false],
    [{ errorCode: 'user_canceled', name: 'ClientAuthError' }, 'sign_in_cancelled', false],
    [{ errorCode: '', name: 'InteractionRequiredAuthError' }, 'auth_required', true],
    [{ errorCode: 'invalid_grant', subError: 'consent_required' }, 'consent_required', true],
    [{ errorCode: 'invalid_grant', errorMessage: 'AADSTS65001: The user or administrator has not consented' }, 'consent_required', true],
    [{ errorCode: 'login_required' }, 'auth_required', true],
    [{ errorCode: 'popup_window_error' }, 'sign_in_failed', false],
    [new Error('network down'), 'sign_in_failed', false],
  ])('classifies %j', (error, code, needsInteraction) => {
    expect(classifyMsalError(error)).toEqual({ code, needsInteraction });
  });
});
