// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createNaaStrategy } from '../../../src/auth/create-naa-strategy';
import { createTokenSource } from '../../../src/auth/create-token-source';
import type { NaaClient } from '../../../src/auth/naa-client';
import { createBridgeClient } from '../../../src/erp/create-bridge-client';
import { PersonCard } from '../../../src/taskpane/PersonCard/PersonCard';
import { aContact } from './support/builders';
import { createFakeOffice } from './support/fake-office';
import { createTestServices, renderWithServices } from './support/render-taskpane';

afterEach(cleanup);

const consentMissing = { errorCode: 'invalid_grant', subError: 'consent_required', errorMessage: 'AADSTS65001: The user or administrator has not consented to use the application.' };

describe('when the user has not consented yet', () => {
  it('says so in their language and signs in again when they press the button', async () => {
    let consented = false;
    const popups: string[] = [];
    const naa: NaaClient = {
      acquireSilent: () => (consented ? Promise.resolve('token-after-consent') : Promise.reject(consentMissing)),
      acquirePopup: ({ scopes }) => {
        popups.push(scopes.join(' '));
        // The first popup is blocked (no click yet); the one after the user's click grants consent.
        if (popups.length === 1) return Promise.reject(consentMissing);
        consented = true;
        return Promise.resolve('token-after-consent');
      },
    };
    const office = createFakeOffice({ supportedSets: ['NestedAppAuth 1.1'] });
    const tokens = createTokenSource([createNaaStrategy(office, 'api://localhost:3000/app/access_as_user', () => Promise.resolve(naa))], () => new Date('2026-03-02T10:00:00Z'));
    const requests: string[] = [];
    const fetchBridge: typeof fetch = async (input, init) => {
      requests.push(new Headers(init?.headers).get('authorization') ?? '');
      return Response.json({ items: String(input).includes('/actions') ? [] : [aContact({ accountId: undefined })] });
    };
    const bridge = createBridgeClient({ baseUrl: 'https://localhost:3000', tokens, fetch: fetchBridge });
    renderWithServices(createElement(PersonCard, { person: { email: 'lucia@talleres-urrutia.es' } }), { ...createTestServices({ office, tokens }), bridge }, 'es');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('ERP Bridge necesita su permiso (o el de su administrador) para iniciar sesión.')).toBeInTheDocument();
    expect(requests).toEqual([]);

    await userEvent.click(within(alert).getByRole('button', { name: 'Iniciar sesión' }));

    expect(await screen.findByText('Jefa de compras')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(popups).toEqual(['api://localhost:3000/app/access_as_user', 'api://localhost:3000/app/access_as_user']);
    expect(requests.every((header) => header === 'Bearer token-after-consent')).toBe(true);
  });
});
