import { describe, expect, it } from 'vitest';
import { serializeConsentMessage } from '../../../src/auth/consent/consent-message';
import { createUserConsent } from '../../../src/auth/consent/create-user-consent';
import { readUserConsentPage } from '../../../src/auth/consent/read-user-consent-page';
import type { DialogOutcome } from '../../../src/office/office-host';

const appId = 'b7e1c0de-4a2f-4c3b-9d1e-5f6a7b8c9d0e';
const authority = 'https://login.example.test/organizations';
const scopes = ['https://graph.microsoft.com/Contacts.ReadWrite', 'offline_access'];
const config = { clientId: appId, authority, scope: `api://erp.example.com/${appId}/access_as_user`, dialogUrl: 'https://erp.example.com/auth-dialog.html' };
const pane = new URL(`https://erp.example.com/taskpane.html?appId=${appId}`);

/** An Office host whose dialog ends as told, remembering the URLs it was asked to open. */
function hostEnding(outcome: DialogOutcome) {
  const opened: string[] = [];
  return { opened, runDialog: (url: string) => (opened.push(url), Promise.resolve(outcome)) };
}

describe('consent in an Office dialog', () => {
  it('opens the dialog on the add-in’s own page, which goes on to Entra’s consent page for the bridge’s app', async () => {
    const host = hostEnding({ kind: 'message', message: serializeConsentMessage({ kind: 'granted' }) });
    expect(await createUserConsent(host, config, pane).ask(scopes)).toEqual({ kind: 'granted' });

    const start = new URL(host.opened[0] ?? '');
    expect(start.origin + start.pathname).toBe('https://erp.example.com/taskpane.html');
    const page = readUserConsentPage(start);
    if (page?.kind !== 'start') throw new Error(`expected the start of the consent, got ${JSON.stringify(page)}`);
    const authorize = new URL(page.authorizeUrl);
    expect(authorize.origin + authorize.pathname).toBe('https://login.example.test/organizations/oauth2/v2.0/authorize');
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      client_id: appId,
      response_type: 'code',
      redirect_uri: 'https://erp.example.com/taskpane.html',
      response_mode: 'query',
      scope: scopes.join(' '),
      prompt: 'consent',
      state: 'erp-bridge-user-consent',
    });
  });

  it('reads Entra’s answer on the page it comes back to, and leaves other openings of the page alone', () => {
    const back = (query: string) => readUserConsentPage(new URL(`https://erp.example.com/taskpane.html?${query}`));
    expect(back('code=abc&state=erp-bridge-user-consent')).toEqual({ kind: 'result', message: { kind: 'granted' } });
    expect(back('error=access_denied&error_description=AADSTS65004%3A+User+declined&state=erp-bridge-user-consent')).toEqual({
      kind: 'result',
      message: { kind: 'refused', reason: 'AADSTS65004: User declined' },
    });
    expect(back(`appId=${appId}`)).toBeUndefined();
    expect(back('admin_consent=True&tenant=t')).toBeUndefined();
    expect(back('consent=start&scope=offline_access')).toEqual({ kind: 'result', message: { kind: 'refused', reason: 'the consent window was opened without an app id, an authority or scopes' } });
  });

  it.each([
    [{ kind: 'closed' } as const, { kind: 'closed' }],
    [{ kind: 'failed', code: 12007 } as const, { kind: 'failed', reason: 'Outlook could not open the consent window (12007)' }],
    [{ kind: 'message', message: 'not ours' } as const, { kind: 'refused', reason: 'the consent window sent an unreadable message' }],
    [{ kind: 'message', message: serializeConsentMessage({ kind: 'refused', reason: 'AADSTS65004' }) } as const, { kind: 'refused', reason: 'AADSTS65004' }],
  ])('tells how the dialog ended (%o)', async (outcome, expected) => {
    expect(await createUserConsent(hostEnding(outcome), config, pane).ask(scopes)).toEqual(expected);
  });

  it('goes to the authority the bridge names (the user’s tenant), over HTTP only on a loopback demo', async () => {
    const host = hostEnding({ kind: 'closed' });
    await createUserConsent(host, config, pane).ask(scopes, `https://login.example.test/${'7c1f4e2a-3b5d-4c6e-9f80-a1b2c3d4e5f6'}`);
    const page = readUserConsentPage(new URL(host.opened[0] ?? ''));
    expect(page?.kind === 'start' && new URL(page.authorizeUrl).pathname).toBe('/7c1f4e2a-3b5d-4c6e-9f80-a1b2c3d4e5f6/oauth2/v2.0/authorize');

    const start = (origin: string, authority: string) => readUserConsentPage(new URL(`${origin}/taskpane.html?${new URLSearchParams({ consent: 'start', appId, authority, scope: 'offline_access' }).toString()}`));
    const demo = start('http://localhost:3000', 'http://127.0.0.1:3001/organizations');
    expect(demo?.kind === 'start' && new URL(demo.authorizeUrl).origin).toBe('http://127.0.0.1:3001');
    // Anywhere else, an HTTP authority is not trusted: the pane's own (HTTPS) authority is used instead.
    const elsewhere = start('https://erp.example.com', 'http://login.example.test/organizations');
    expect(elsewhere?.kind === 'start' && new URL(elsewhere.authorizeUrl).origin).toBe('https://login.microsoftonline.com');
  });

  it('opens nothing when the pane has no app id to ask consent for', async () => {
    const host = hostEnding({ kind: 'closed' });
    expect(await createUserConsent(host, undefined, pane).ask(scopes)).toEqual({ kind: 'failed', reason: 'the add-in was opened without its app id' });
    expect(host.opened).toEqual([]);
  });
});
