// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../src/erp/bridge-error';
import { ReadView } from '../../../src/taskpane/ReadView/ReadView';
import { aContact, aMessage } from './support/builders';
import { createFakeBridge } from './support/fake-bridge';
import { createFakeOffice } from './support/fake-office';
import { createTestServices, renderWithServices } from './support/render-taskpane';

afterEach(cleanup);

describe('logging an email', () => {
  it('logs the message against the sender’s ERP contact, with its body, and then shows it as logged', async () => {
    const bridge = createFakeBridge({ contacts: [aContact({ accountId: undefined })] });
    const office = createFakeOffice({ bodyText: 'Buenos días, adjunto el pedido de marzo.' });
    renderWithServices(createElement(ReadView, { item: aMessage() }), createTestServices({ bridge, office }));
    await screen.findByText('Jefa de compras');

    await userEvent.click(await screen.findByRole('button', { name: 'Log this email' }));

    expect(await screen.findByText(/^Logged in the ERP on /)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log this email' })).not.toBeInTheDocument();
    expect(bridge.loggedEmails).toEqual([
      {
        internetMessageId: '<march-order@talleres-urrutia.es>',
        subject: 'Pedido de marzo',
        from: { email: 'lucia@talleres-urrutia.es', name: 'Lucía Martínez García' },
        to: [{ email: 'me@contoso.example', name: 'Íñigo Urrutia' }],
        cc: [],
        sentAt: '2026-03-02T08:15:00.000Z',
        bodyText: 'Buenos días, adjunto el pedido de marzo.',
        contactId: 'C-1',
        private: false,
      },
    ]);
  });

  it('logs the message as a private action when the user checks "Log as private"', async () => {
    const bridge = createFakeBridge({ contacts: [aContact({ accountId: undefined })] });
    renderWithServices(createElement(ReadView, { item: aMessage() }), createTestServices({ bridge }));

    const asPrivate = await screen.findByRole('checkbox', { name: 'Log as private' });
    expect(asPrivate).not.toBeChecked();
    await userEvent.click(asPrivate);
    await userEvent.click(screen.getByRole('button', { name: 'Log this email' }));

    expect(await screen.findByText(/^Logged in the ERP on /)).toBeInTheDocument();
    expect(bridge.loggedEmails.map((email) => email.private)).toEqual([true]);
    expect(bridge.actions.map((action) => action.private)).toEqual([true]);
  });

  it('shows a message someone else logged as logged, with no button to log it twice', async () => {
    const bridge = createFakeBridge({ contacts: [aContact({ accountId: undefined })] });
    await bridge.logEmail({ ...aMessage(), internetMessageId: '<march-order@talleres-urrutia.es>', from: { email: 'lucia@talleres-urrutia.es' }, sentAt: '2026-03-02T08:15:00Z', bodyText: '' });
    renderWithServices(createElement(ReadView, { item: aMessage() }), createTestServices({ bridge }));

    expect(await screen.findByText(/^Logged in the ERP on /)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log this email' })).not.toBeInTheDocument();
    expect(bridge.loggedEmails).toHaveLength(1);
  });

  it('says a colleague logged it privately, with no button to log it again', async () => {
    const bridge = createFakeBridge({ contacts: [aContact({ accountId: undefined })] });
    bridge.emailLogStatus = async () => ({ logged: true, hidden: true });
    renderWithServices(createElement(ReadView, { item: aMessage() }), createTestServices({ bridge }));

    expect(await screen.findByText('Already logged in the ERP by a colleague, who keeps it private.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log this email' })).not.toBeInTheDocument();
  });

  it('says why logging failed and logs on retry', async () => {
    const bridge = createFakeBridge();
    const logOnce = bridge.logEmail;
    let attempts = 0;
    bridge.logEmail = (input) =>
      ++attempts === 1 ? Promise.reject(new BridgeError('invalid_input', 'none of the people in this item is an ERP contact; choose or create a contact first', 400)) : logOnce(input);
    renderWithServices(createElement(ReadView, { item: aMessage() }), createTestServices({ bridge }));

    await userEvent.click(await screen.findByRole('button', { name: 'Log this email' }));
    expect(await screen.findByText('none of the people in this item is an ERP contact; choose or create a contact first')).toBeInTheDocument();
    expect(screen.getByText('The ERP refused this input.')).toBeInTheDocument();

    const retries = screen.getAllByRole('button', { name: 'Retry' });
    await userEvent.click(retries[retries.length - 1] as HTMLElement);
    expect(await screen.findByText(/^Logged in the ERP on /)).toBeInTheDocument();
  });

  it('waits for a message without an internet message id (not sent yet) instead of offering to log it', async () => {
    renderWithServices(createElement(ReadView, { item: aMessage({ internetMessageId: undefined }) }), createTestServices());
    expect(await screen.findByText('This email can be logged once it has been sent or received.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log this email' })).not.toBeInTheDocument();
  });
});
