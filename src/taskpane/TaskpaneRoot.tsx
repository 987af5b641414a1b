import type { i18n } from 'i18next';
import { StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { App } from './App/App';
import { ServicesContext } from './services/services-context';
import type { TaskpaneServices } from './services/taskpane-services';

/** The providers around the app; the composition root passes real services, tests pass fakes. */
export function TaskpaneRoot({ services, i18n }: { services: TaskpaneServices; i18n: i18n }) {
  return (
    <StrictMode>
      <ServicesContext.Provider value={services}>
        <I18nextProvider i18n={i18n}>
          <App />
        </I18nextProvider>
      </ServicesContext.Provider>
    </StrictMode>
  );
}
