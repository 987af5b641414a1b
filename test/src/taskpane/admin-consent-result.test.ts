// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/create-i18n';
import { stringsOf } from './support/strings-of';
import { AdminConsentResult } from '../../../src/taskpane/AdminConsentResult/AdminConsentResult';
import { readAdminConsentResult } from '../../../src/taskpane/AdminConsentResult/read-admin-consent-result';

afterEach(cleanup);

describe('the page Entra returns the admin to after admin consent', () => {
  it('reads a grant, a refusal, or nothing when Outlook opened the page', () => {
    expect(readAdminConsentResult(new URL('https://erp.example.com/taskpane.html?admin_consent=True&tenant=7c1f&scope=x'))).toEqual({ kind: 'granted', tenantId: '7c1f' });
    expect(readAdminConsentResult(new URL('https://erp.example.com/taskpane.html?error=permission_denied&error_description=The+admin+canceled+the+request'))).toEqual({
      kind: 'refused',
      reason: 'The admin canceled the request',
    });
    expect(readAdminConsentResult(new URL('https://erp.example.com/taskpane.html?appId=b7e1'))).toBeUndefined();
  });

  it('tells the admin in their language that everyone may now use the add-in', () => {
    render(createElement(I18nextProvider, { i18n: createI18n('fr', stringsOf.fr) }, createElement(AdminConsentResult, { result: { kind: 'granted', tenantId: '7c1f' } })));

    expect(screen.getByText('Autorisations accordées')).toBeInTheDocument();
  });

  it('shows Entra’s reason when the admin cancelled', () => {
    render(createElement(I18nextProvider, { i18n: createI18n('es', stringsOf.es) }, createElement(AdminConsentResult, { result: { kind: 'refused', reason: 'The admin canceled the request' } })));

    expect(screen.getByText(/Microsoft Entra ID respondió: The admin canceled the request/)).toBeInTheDocument();
  });
});
