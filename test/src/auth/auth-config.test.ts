import { describe, expect, it } from 'vitest';
import { readAuthConfig } from '../../../src/auth/auth-config';
import { readTokenExpiry } from '../../../src/auth/read-token-expiry';

const appId = '6e1d2c3b-4a59-4876-9a1b-2c3d4e5f6a7b';

describe('the add-in’s sign-in configuration', () => {
  it('comes from the taskpane URL the environment’s manifest opens', () => {
    expect(readAuthConfig(new URL(`https://erp.example.com/taskpane.html?appId=${appId}`))).toEqual({
      clientId: appId,
      authority: 'https://login.microsoftonline.com/organizations',
      scope: `api://erp.example.com/${appId}/access_as_user`,
      dialogUrl: `https://erp.example.com/auth-dialog.html?appId=${appId}`,
    });
  });

  it('keeps a private identity server’s authority, for the dialog too', () => {
    const config = readAuthConfig(new URL(`https://localhost:3000/taskpane.html?appId=${appId}&authority=${encodeURIComponent('https://localhost:3001/organizations')}`));
    expect(config?.authority).toBe('https://localhost:3001/organizations');
    expect(config?.scope).toBe(`api://localhost:3000/${appId}/access_as_user`);
    expect(new URL(config?.dialogUrl ?? '').searchParams.get('authority')).toBe('https://localhost:3001/organizations');
  });

  it.each([
    ['no appId', 'https://erp.example.com/taskpane.html'],
    ['an appId that is not a GUID', 'https://erp.example.com/taskpane.html?appId=contoso'],
    ['an authority that is not https', `https://erp.example.com/taskpane.html?appId=${appId}&authority=http://evil.example`],
  ])('is missing with %s', (_case, url) => {
    expect(readAuthConfig(new URL(url))).toBeUndefined();
  });
});

describe('reading a token’s expiry', () => {
  it('reads exp from a JWT and nothing from anything else', () => {
    const payload = Buffer.from(JSON.stringify({ exp: 1_772_445_600 })).toString('base64url');
    expect(readTokenExpiry(`e30.${payload}.sig`)).toEqual(new Date(1_772_445_600_000));
    expect(readTokenExpiry('opaque')).toBeUndefined();
    expect(readTokenExpiry('a.!!!.c')).toBeUndefined();
  });
});
