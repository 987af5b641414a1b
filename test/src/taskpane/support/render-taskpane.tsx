import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { configure, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { TokenSource } from '../../../../src/auth/token-source';
import { createI18n } from '../../../../src/i18n/create-i18n';
import { stringsOf } from './strings-of';
import type { Language } from '../../../../src/i18n/pick-language';
import { ServicesContext } from '../../../../src/taskpane/services/services-context';
import type { TaskpaneServices } from '../../../../src/taskpane/services/taskpane-services';
import { TaskpaneRoot } from '../../../../src/taskpane/TaskpaneRoot';
import { createFakeBridge, type FakeBridge } from './fake-bridge';
import { createFakeConsent, type FakeConsent } from './fake-consent';
import { createFakeOffice, type FakeOffice } from './fake-office';
import { createFakeSync, type FakeSync } from './fake-sync';

// Views load their code on first use (React.lazy), which on a busy machine takes longer than
// testing-library's default second: findBy* and waitFor wait for what they name, within the test's timeout.
configure({ asyncUtilTimeout: 20_000 });

export interface TestServices extends TaskpaneServices {
  office: FakeOffice;
  bridge: FakeBridge;
  sync: FakeSync;
  consent: FakeConsent;
}

export function createTestServices(overrides: { office?: FakeOffice; bridge?: FakeBridge; sync?: FakeSync; tokens?: TokenSource; consent?: FakeConsent } = {}): TestServices {
  return {
    office: overrides.office ?? createFakeOffice(),
    bridge: overrides.bridge ?? createFakeBridge(),
    sync: overrides.sync ?? createFakeSync(),
    tokens: overrides.tokens ?? { getToken: () => Promise.resolve('token') },
    consent: overrides.consent ?? createFakeConsent(),
    now: () => new Date('2026-03-02T10:07:00Z'),
    timeZone: 'Europe/Madrid',
  };
}

/** Renders one view with the providers the app gives it: services, strings, a Fluent theme. */
export function renderWithServices(ui: ReactElement, services: TaskpaneServices, language: Language = 'en'): RenderResult {
  return render(
    <ServicesContext.Provider value={services}>
      <I18nextProvider i18n={createI18n(language, stringsOf[language])}>
        <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
      </I18nextProvider>
    </ServicesContext.Provider>,
  );
}

/** Renders the whole pane, as the composition root does. */
export function renderTaskpane(services: TaskpaneServices, language: Language = 'en'): RenderResult {
  return render(<TaskpaneRoot services={services} i18n={createI18n(language, stringsOf[language])} />);
}
