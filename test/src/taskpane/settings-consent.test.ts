// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsentOutcome } from '../../../src/auth/consent/user-consent';
import { BridgeError } from '../../../src/erp/bridge-error';
import type { Language } from '../../../src/i18n/pick-language';
import { SettingsView } from '../../../src/taskpane/SettingsView/SettingsView';
import { createFakeBridge } from './support/fake-bridge';
import { createFakeConsent } from './support/fake-consent';
import { createFakeSync, type FakeSync } from './support/fake-sync';
import { createTestServices, renderWithServices } from './support/render-taskpane';

afterEach(cleanup);

const scopes = ['https://graph.microsoft.com/Contacts.ReadWrite', 'offline_access'];
const consentMissing = () => new BridgeError('consent_required', 'Microsoft 365 did not let the bridge act for this user: consent is missing', 403, { scopes });

/** A mailbox that refuses to connect until the user has consented through the dialog. */
function renderSettings(outcomes: ConsentOutcome[], language: Language = 'en') {
  let consented = false;
  const sync: FakeSync = createFakeSync();
  const connect = sync.connect;
  sync.connect = () => (consented ? connect() : Promise.reject(consentMissing()));
  const consent = createFakeConsent(outcomes);
  const ask = consent.ask;
  consent.ask = (asked) => ask(asked).then((outcome) => ((consented = outcome.kind === 'granted'), outcome));
  const bridge = createFakeBridge();
  renderWithServices(createElement(SettingsView, { onOpenAdmin: () => undefined, pollMs: 5 }), createTestServices({ bridge, sync, consent }), language);
  return { bridge, sync, consent };
}

describe('turning sync on when the user has not consented', () => {
  it('asks for consent with one click, then connects and saves', async () => {
    const { bridge, sync, consent } = renderSettings([{ kind: 'granted' }]);
    const toggle = await screen.findByRole('switch', { name: 'Sync ERP contacts to Outlook for me' });
    await userEvent.click(toggle);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Sync needs your consent to reach your mailbox in Microsoft 365 while Outlook is closed.')).toBeInTheDocument();
    expect(toggle).not.toBeChecked();
    await userEvent.click(within(alert).getByRole('button', { name: 'Give consent' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(consent.asked).toEqual([scopes]);
    expect(sync.store.connected).toBe(true);
    expect(bridge.settings.enabled).toBe(true);
    expect(screen.getByRole('switch', { name: 'Sync ERP contacts to Outlook for me' })).toBeChecked();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([
    [{ kind: 'closed' } as const, 'The consent window was closed before you consented.', undefined],
    [{ kind: 'refused', reason: 'AADSTS65004: User declined to consent to access the app.' } as const, 'Consent was not given.', 'AADSTS65004: User declined to consent to access the app.'],
    [{ kind: 'failed', reason: 'Outlook could not open the consent window (12007)' } as const, 'The consent window could not open.', 'Outlook could not open the consent window (12007)'],
  ])('keeps sync off and says so in words when the dialog ends with %o, and asks again on the next click', async (outcome, sentence, detail) => {
    const { bridge, consent } = renderSettings([outcome, { kind: 'granted' }]);
    await userEvent.click(await screen.findByRole('switch', { name: 'Sync ERP contacts to Outlook for me' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Give consent' }));

    const alert = await screen.findByRole('alert');
    expect(await within(alert).findByText(sentence)).toBeInTheDocument();
    if (detail) expect(within(alert).getByText(detail)).toBeInTheDocument();
    expect(bridge.settings.enabled).toBe(false);
    expect(screen.getByRole('switch', { name: 'Sync ERP contacts to Outlook for me' })).not.toBeChecked();

    await userEvent.click(within(alert).getByRole('button', { name: 'Give consent' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(consent.asked).toHaveLength(2);
    expect(bridge.settings.enabled).toBe(true);
  });

  it.each([
    ['es', 'Sincronizar para mí los contactos del ERP con Outlook', 'Dar consentimiento', 'La sincronización necesita su consentimiento para acceder a su buzón de Microsoft 365 mientras Outlook está cerrado.'],
    ['fr', 'Synchroniser pour moi les contacts de l’ERP avec Outlook', 'Donner mon consentement', 'La synchronisation a besoin de votre consentement pour accéder à votre boîte aux lettres Microsoft 365 quand Outlook est fermé.'],
  ] as const)('speaks %s', async (language, toggle, button, sentence) => {
    renderSettings([{ kind: 'granted' }], language);
    await userEvent.click(await screen.findByRole('switch', { name: toggle }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(sentence)).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: button })).toBeInTheDocument();
  });
});
