// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PersonCard } from '../../../src/taskpane/PersonCard/PersonCard';
import { createFakeBridge } from './support/fake-bridge';
import { createTestServices, renderWithServices } from './support/render-taskpane';

afterEach(cleanup);

describe('creating a contact from a message', () => {
  it('prefills the new contact from how Outlook shows the person, and opens it once saved', async () => {
    const bridge = createFakeBridge();
    renderWithServices(createElement(PersonCard, { person: { email: 'inigo@urrutia.example', name: 'Íñigo Urrutia Peña' } }), createTestServices({ bridge }));
    const card = screen.getByRole('region', { name: 'ERP card for Íñigo Urrutia Peña' });

    await userEvent.click(await within(card).findByRole('button', { name: 'Create contact' }));
    const form = await within(card).findByRole('form', { name: 'New ERP contact' });
    expect(within(form).getByRole('textbox', { name: 'First name' })).toHaveValue('Íñigo');
    expect(within(form).getByRole('textbox', { name: 'Last name' })).toHaveValue('Urrutia Peña');
    expect(within(form).getByRole('textbox', { name: 'Email' })).toHaveValue('inigo@urrutia.example');
    expect(within(form).getByRole('textbox', { name: 'Job title' })).toHaveValue('');

    await userEvent.type(within(form).getByRole('textbox', { name: 'Job title' }), 'Gerente');
    await userEvent.click(within(form).getByRole('button', { name: 'Save contact' }));

    expect(await within(card).findByText('Gerente')).toBeInTheDocument();
    expect(within(card).queryByRole('form')).not.toBeInTheDocument();
    expect(bridge.createdContacts).toEqual([{ givenName: 'Íñigo', surname: 'Urrutia Peña', jobTitle: 'Gerente', emails: ['inigo@urrutia.example'] }]);
  });

  it('reads "Surname, Given" names the other way round', async () => {
    renderWithServices(createElement(PersonCard, { person: { email: 'amelie@fabrikam.example', name: 'Dubois, Amélie' } }), createTestServices());
    await userEvent.click(await screen.findByRole('button', { name: 'Create contact' }));
    expect(await screen.findByRole('textbox', { name: 'First name' })).toHaveValue('Amélie');
    expect(screen.getByRole('textbox', { name: 'Last name' })).toHaveValue('Dubois');
  });

  it('goes back to "Not in the ERP" when the user cancels', async () => {
    renderWithServices(createElement(PersonCard, { person: { email: 'x@example.com' } }), createTestServices());
    await userEvent.click(await screen.findByRole('button', { name: 'Create contact' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('Not in the ERP')).toBeInTheDocument();
  });
});

describe('the new contact form and the keyboard', () => {
  it('moves focus into the form it opens', async () => {
    renderWithServices(createElement(PersonCard, { person: { email: 'x@example.com', name: 'Xabier Etxeberria' } }), createTestServices());
    await userEvent.click(await screen.findByRole('button', { name: 'Create contact' }));
    expect(await screen.findByRole('textbox', { name: 'First name' })).toHaveFocus();
  });
});
