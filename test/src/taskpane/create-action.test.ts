// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { newActionDraft, toNewAction } from '../../../src/taskpane/CreateActionForm/action-draft';
import { ReadView } from '../../../src/taskpane/ReadView/ReadView';
import { ActionsRevisionProvider } from '../../../src/taskpane/services/ActionsRevisionProvider';
import { aContact, aMessage } from './support/builders';
import { createFakeBridge } from './support/fake-bridge';
import { createTestServices, renderWithServices } from './support/render-taskpane';

afterEach(cleanup);

describe('creating an action from a message', () => {
  it('creates a visit for the sender’s contact, with the message subject', async () => {
    const bridge = createFakeBridge({ contacts: [aContact()] });
    renderWithServices(createElement(ReadView, { item: aMessage() }), createTestServices({ bridge }));
    await screen.findByText('Talleres Urrutia');

    await userEvent.click(screen.getByRole('button', { name: 'Create action' }));
    const form = await screen.findByRole('form', { name: 'New ERP action' });
    expect(within(form).getByRole('textbox', { name: 'Subject' })).toHaveValue('Pedido de marzo');
    expect(within(form).getByRole('combobox', { name: 'Contact' })).toHaveValue('C-1');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Type' }), 'visit');
    await userEvent.click(within(form).getByRole('button', { name: 'Save action' }));

    expect(await screen.findByText('Action created: Pedido de marzo')).toBeInTheDocument();
    expect(bridge.createdActions).toEqual([
      expect.objectContaining({ type: 'visit', subject: 'Pedido de marzo', contactId: 'C-1', accountId: 'A-1', timeZone: 'Europe/Madrid', status: 'planned' }),
    ]);
  });

  it('shows the new action in the sender’s card at once, not "No actions yet." beside "Action created"', async () => {
    const bridge = createFakeBridge({ contacts: [aContact({ accountId: undefined })] });
    renderWithServices(createElement(ActionsRevisionProvider, null, createElement(ReadView, { item: aMessage() })), createTestServices({ bridge }));
    const card = await screen.findByRole('region', { name: /^ERP card for / });
    expect(await within(card).findByText('No actions yet.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Create action' }));
    const form = await screen.findByRole('form', { name: 'New ERP action' });
    await userEvent.click(within(form).getByRole('button', { name: 'Save action' }));

    expect(await screen.findByText('Action created: Pedido de marzo')).toBeInTheDocument();
    expect(await within(card).findByText('Pedido de marzo')).toBeInTheDocument();
    expect(within(card).queryByText('No actions yet.')).not.toBeInTheDocument();
  });

  it('asks for the contact first when nobody on the message is in the ERP', async () => {
    renderWithServices(createElement(ReadView, { item: aMessage() }), createTestServices());
    await screen.findByText('Not in the ERP');
    await userEvent.click(screen.getByRole('button', { name: 'Create action' }));
    expect(await screen.findByText('Find or create the ERP contact first.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save action' })).toBeDisabled();
  });
});

describe('an action draft', () => {
  const contacts = [aContact()];

  it('starts a timed action at the next half hour in the user’s zone, for half an hour', () => {
    const draft = newActionDraft('Llamar', contacts, new Date('2026-03-02T09:07:00Z'), 'Europe/Madrid');
    expect(draft).toMatchObject({ type: 'call', subject: 'Llamar', contactId: 'C-1', start: '2026-03-02T10:30', end: '2026-03-02T11:00', dueDate: '2026-03-02' });
    expect(newActionDraft('Llamar', contacts, new Date('2026-03-02T03:07:00Z'), 'America/Montreal')).toMatchObject({ start: '2026-03-01T22:30', dueDate: '2026-03-01' });
  });

  it('sends the times the user typed as instants in their zone, a time the spring change skips moved forward by the gap', () => {
    const draft = { ...newActionDraft('Visitar', contacts, new Date('2026-03-02T09:07:00Z'), 'Europe/Madrid'), start: '2026-03-29T02:30', end: '2026-03-29T04:00' };
    expect(toNewAction(draft, contacts, 'Europe/Madrid')).toMatchObject({ start: '2026-03-29T01:30:00.000Z', end: '2026-03-29T02:00:00.000Z', timeZone: 'Europe/Madrid' });
    expect(toNewAction({ ...draft, start: '2026-10-25T02:30', end: '2026-10-25T03:30' }, contacts, 'Europe/Madrid')).toMatchObject({ start: '2026-10-25T00:30:00.000Z', end: '2026-10-25T02:30:00.000Z' });
  });

  it('sends a task with its due date and no times', () => {
    const draft = { ...newActionDraft('Preparar oferta', contacts, new Date('2026-03-02T09:07:00Z'), 'Europe/Madrid'), type: 'task' as const, dueDate: '2026-03-06' };
    expect(toNewAction(draft, contacts, 'Europe/Madrid')).toEqual({
      type: 'task', subject: 'Preparar oferta', dueDate: '2026-03-06', timeZone: 'Europe/Madrid', status: 'planned', contactId: 'C-1', accountId: 'A-1',
    });
  });
});
