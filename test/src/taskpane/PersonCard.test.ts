// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { type ErrorCode, errorCodes } from '../../../src/domain/error-code';
import { BridgeError } from '../../../src/erp/bridge-error';
import { en } from '../../../src/i18n/locales/en';
import { PersonCard } from '../../../src/taskpane/PersonCard/PersonCard';
import { aContact, anAccount, anAction } from './support/builders';
import { createFakeBridge } from './support/fake-bridge';
import { createFakeOffice } from './support/fake-office';
import { createTestServices, renderWithServices } from './support/render-taskpane';

const lucia = { email: 'lucia@talleres-urrutia.es', name: 'Lucía Martínez García' };

function renderCard(services = createTestServices(), person = lucia) {
  renderWithServices(createElement(PersonCard, { person }), services);
  return { services, card: screen.getByRole('region', { name: `ERP card for ${person.name ?? person.email}` }) };
}

afterEach(cleanup);

describe('PersonCard', () => {
  it('says it is looking the person up while the bridge has not answered', () => {
    const bridge = createFakeBridge();
    bridge.findContactsByEmail = () => new Promise(() => undefined);
    const { card } = renderCard(createTestServices({ bridge }));

    expect(within(card).getByRole('progressbar')).toBeInTheDocument();
    expect(within(card).getByText('Looking up lucia@talleres-urrutia.es in the ERP')).toBeInTheDocument();
  });

  it('shows the matched contact with its account and last actions', async () => {
    const bridge = createFakeBridge({
      contacts: [aContact()],
      accounts: [anAccount()],
      actions: [anAction(), anAction({ id: 'ACT-2', type: 'call', subject: 'Llamada de seguimiento', start: undefined, end: undefined, dueDate: '2026-03-05' })],
    });
    const { card } = renderCard(createTestServices({ bridge }));

    expect(await within(card).findByText('Talleres Urrutia S.L.')).toBeInTheDocument();
    expect(within(card).getByText('Jefa de compras')).toBeInTheDocument();
    expect(within(card).getByText('+34 944 000 111')).toBeInTheDocument();
    expect(within(card).getByRole('heading', { name: 'Recent actions' })).toBeInTheDocument();
    const actions = within(card).getAllByRole('listitem');
    expect(actions).toHaveLength(2);
    expect(within(actions[0] as HTMLElement).getByText('Visita a fábrica')).toBeInTheDocument();
    expect(within(actions[1] as HTMLElement).getByText('Call')).toBeInTheDocument();
  });

  it('shows a timed action at the mailbox’s local time and an all-day one on its own date, in a zone other than the ERP’s', async () => {
    const bridge = createFakeBridge({
      contacts: [aContact({ accountId: undefined })],
      actions: [
        anAction({ id: 'ACT-1', subject: 'Visita a fábrica', start: '2026-03-02T08:00:00Z', end: '2026-03-02T09:00:00Z', timeZone: 'Europe/Madrid' }),
        anAction({ id: 'ACT-2', subject: 'Feria', allDay: true, start: '2026-02-26T23:00:00Z', end: '2026-02-28T23:00:00Z', timeZone: 'Europe/Madrid' }),
      ],
    });
    const { card } = renderCard({ ...createTestServices({ bridge }), timeZone: 'America/Montreal' });

    const [timed, allDay] = await within(card).findAllByRole('listitem');
    // 09:00 in Madrid is 03:00 in Montreal; the fair is on 27 and 28 February in Madrid, wherever it is read.
    expect(timed).toHaveTextContent('Mar 2, 2026, 3:00 AM');
    expect(allDay).toHaveTextContent(/Feb 27 – 28, 2026/);
  });

  it('says when the matched contact has no actions yet', async () => {
    const { card } = renderCard(createTestServices({ bridge: createFakeBridge({ contacts: [aContact({ accountId: undefined })] }) }));
    expect(await within(card).findByText('No actions yet.')).toBeInTheDocument();
  });

  it('asks which contact is meant when several share the address, and remembers the choice', async () => {
    const other = aContact({ id: 'C-2', displayName: 'Lucía Martínez (Bilbao)', companyName: 'Urrutia Bilbao', accountId: undefined });
    const services = createTestServices({ bridge: createFakeBridge({ contacts: [aContact({ accountId: undefined }), other] }) });
    const { card } = renderCard(services);

    expect(await within(card).findByText('Several ERP contacts use lucia@talleres-urrutia.es. Choose one:')).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: 'Choose Lucía Martínez (Bilbao) (Urrutia Bilbao)' }));

    expect(await within(card).findByText('Lucía Martínez (Bilbao)')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Change contact' })).toBeInTheDocument();
    expect(services.office.settings.get('contactChoices')).toBe(JSON.stringify({ 'lucia@talleres-urrutia.es': 'C-2' }));
  });

  it('opens the contact the user chose before, without asking again', async () => {
    const other = aContact({ id: 'C-2', displayName: 'Lucía Martínez (Bilbao)', accountId: undefined });
    const office = createFakeOffice();
    office.settings.set('contactChoices', JSON.stringify({ 'lucia@talleres-urrutia.es': 'C-2' }));
    const { card } = renderCard(createTestServices({ office, bridge: createFakeBridge({ contacts: [aContact({ accountId: undefined }), other] }) }));

    expect(await within(card).findByText('Lucía Martínez (Bilbao)')).toBeInTheDocument();
    expect(within(card).queryByText(/Choose one/)).not.toBeInTheDocument();
  });

  it('says "Not in the ERP" and offers to create the contact', async () => {
    const { card } = renderCard();
    expect(await within(card).findByText('Not in the ERP')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Create contact' })).toBeEnabled();
  });

  const signInCodes: ErrorCode[] = ['auth_required', 'invalid_token'];
  it.each(errorCodes.map((code) => [code]))('shows a bridge %s error in the user’s words, with a way forward', async (code) => {
    const bridge = createFakeBridge();
    bridge.findContactsByEmail = () => Promise.reject(new BridgeError(code, `the bridge said ${code}`, 400));
    const { card } = renderCard(createTestServices({ bridge }));

    const alert = await within(card).findByRole('alert');
    expect(within(alert).getByText(en.errors[code])).toBeInTheDocument();
    expect(within(alert).getByText(`the bridge said ${code}`)).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: signInCodes.includes(code) ? 'Sign in' : 'Retry' })).toBeEnabled();
  });

  it('looks the person up again when the user retries', async () => {
    const bridge = createFakeBridge({ contacts: [aContact({ accountId: undefined })] });
    const lookUp = bridge.findContactsByEmail;
    let calls = 0;
    bridge.findContactsByEmail = (email) => (++calls === 1 ? Promise.reject(new BridgeError('erp_unavailable', 'ERP down', 503)) : lookUp(email));
    const { card } = renderCard(createTestServices({ bridge }));

    await userEvent.click(await within(card).findByRole('button', { name: 'Retry' }));
    expect(await within(card).findByText('Jefa de compras')).toBeInTheDocument();
    expect(within(card).queryByRole('alert')).not.toBeInTheDocument();
  });
});
