import { describe, expect, it } from 'vitest';
import { createTokenSource } from '../../../src/auth/create-token-source';
import { SignInError, type SignInErrorCode } from '../../../src/auth/sign-in-error';
import type { TokenStrategy } from '../../../src/auth/token-source';

const now = new Date('2026-03-02T10:00:00Z');

/** An unsigned JWT: the token source reads `exp` only to know when to ask again. */
function jwt(expiresAt: Date, id = 'a'): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none' })}.${encode({ exp: expiresAt.getTime() / 1000, jti: id })}.`;
}

function strategy(name: TokenStrategy['name'], outcome: string | SignInErrorCode[], available = true) {
  const calls: { interactive: boolean; forceRefresh: boolean }[] = [];
  const failures = Array.isArray(outcome) ? [...outcome] : [];
  const result: TokenStrategy & { calls: typeof calls } = {
    name,
    calls,
    isAvailable: () => available,
    acquire: async (request) => {
      calls.push(request);
      const failure = failures.shift();
      if (failure) throw new SignInError(failure, `${name} failed`);
      if (typeof outcome === 'string') return outcome;
      return jwt(new Date(now.getTime() + 3_600_000), name);
    },
  };
  return result;
}

describe('the token source', () => {
  it('uses the first strategy that gives a token: nested app authentication before Office SSO', async () => {
    const naa = strategy('nested-app-auth', 'naa-token');
    const sso = strategy('office-sso', 'sso-token');
    expect(await createTokenSource([naa, sso], () => now).getToken()).toBe('naa-token');
    expect(sso.calls).toEqual([]);
  });

  it('skips strategies this Outlook does not offer and falls through failures', async () => {
    const naa = strategy('nested-app-auth', 'naa-token', false);
    const sso = strategy('office-sso', ['sign_in_unavailable']);
    const dialog = strategy('dialog', 'dialog-token');
    expect(await createTokenSource([naa, sso, dialog], () => now).getToken({ interactive: true })).toBe('dialog-token');
    expect(naa.calls).toEqual([]);
    expect(dialog.calls).toEqual([{ interactive: true, forceRefresh: false }]);
  });

  it('reports the most useful failure: missing consent beats an unavailable method', async () => {
    const source = createTokenSource([strategy('nested-app-auth', ['consent_required']), strategy('office-sso', ['sign_in_unavailable']), strategy('dialog', ['auth_required'])], () => now);
    await expect(source.getToken()).rejects.toMatchObject({ name: 'SignInError', code: 'consent_required' });
  });

  it('stops when the user cancels instead of asking again another way', async () => {
    const dialog = strategy('dialog', 'dialog-token');
    const source = createTokenSource([strategy('nested-app-auth', ['sign_in_cancelled']), dialog], () => now);
    await expect(source.getToken()).rejects.toMatchObject({ code: 'sign_in_cancelled' });
    expect(dialog.calls).toEqual([]);
  });

  it('says sign-in is unavailable when no strategy is offered', async () => {
    await expect(createTokenSource([strategy('dialog', 'x', false)], () => now).getToken()).rejects.toMatchObject({ code: 'sign_in_unavailable' });
  });

  it('keeps a token in memory until two minutes before it expires, and renews it on demand', async () => {
    let clock = now;
    const naa = strategy('nested-app-auth', []);
    const source = createTokenSource([naa], () => clock);
    const first = await source.getToken();
    expect(await source.getToken()).toBe(first);
    expect(naa.calls).toHaveLength(1);

    clock = new Date(now.getTime() + 59 * 60_000);
    await source.getToken();
    expect(naa.calls).toHaveLength(2);

    await source.getToken({ forceRefresh: true });
    expect(naa.calls.at(-1)).toEqual({ interactive: false, forceRefresh: true });
  });

  it('serves cards asking at the same time with one sign-in', async () => {
    const naa = strategy('nested-app-auth', []);
    const source = createTokenSource([naa], () => now);
    const tokens = await Promise.all([source.getToken(), source.getToken(), source.getToken()]);
    expect(new Set(tokens).size).toBe(1);
    expect(naa.calls).toHaveLength(1);
  });

  it('never stores a token in web storage', async () => {
    const written: string[] = [];
    const storage = { setItem: (key: string) => written.push(key) };
    Object.assign(globalThis, { localStorage: storage, sessionStorage: storage });
    try {
      await createTokenSource([strategy('nested-app-auth', [])], () => now).getToken();
      expect(written).toEqual([]);
    } finally {
      Reflect.deleteProperty(globalThis, 'localStorage');
      Reflect.deleteProperty(globalThis, 'sessionStorage');
    }
  });
});
