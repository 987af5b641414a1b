// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../src/i18n/pick-language';
import { aMessage } from './support/builders';
import { createFakeOffice } from './support/fake-office';
import { createTestServices, renderTaskpane } from './support/render-taskpane';

afterEach(cleanup);

function renderIn(displayLanguage: string) {
  const office = createFakeOffice({ displayLanguage, item: aMessage() });
  renderTaskpane(createTestServices({ office }), pickLanguage(office.displayLanguage()));
}

describe('the pane’s language follows Office’s display language', () => {
  it('speaks Spanish in an Outlook set to es-ES', async () => {
    renderIn('es-ES');
    expect(await screen.findByText('No está en el ERP')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Configuración' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Personas de este correo' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Registrar este correo' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Crear acción' })).toBeInTheDocument();
  });

  it('speaks French in an Outlook set to fr-CA', async () => {
    renderIn('fr-CA');
    expect(await screen.findByText('Absent de l’ERP')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Paramètres' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Enregistrer ce message' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Fiche ERP de Lucía Martínez García' })).toBeInTheDocument();
  });

  it('falls back to English for a language it does not speak', async () => {
    renderIn('de-DE');
    expect(await screen.findByText('Not in the ERP')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Settings' })).toBeInTheDocument();
  });
});
