// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { aContact, aMessage } from './support/builders';
import { createFakeBridge } from './support/fake-bridge';
import { createFakeOffice } from './support/fake-office';
import { createFakeSync } from './support/fake-sync';
import { createTestServices, renderTaskpane } from './support/render-taskpane';

afterEach(cleanup);

describe('the pane', () => {
  it('follows the selected item when it is pinned', async () => {
    const office = createFakeOffice({ item: aMessage() });
    renderTaskpane(createTestServices({ office, bridge: createFakeBridge({ contacts: [aContact({ accountId: undefined })] }) }));
    expect(await screen.findByRole('region', { name: 'ERP card for Lucía Martínez García' })).toBeInTheDocument();

    act(() => office.select(aMessage({ from: { email: 'amelie@fabrikam.example', name: 'Amélie Dubois' }, internetMessageId: '<other@fabrikam.example>' })));

    const card = await screen.findByRole('region', { name: 'ERP card for Amélie Dubois' });
    expect(await within(card).findByText('Not in the ERP')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'ERP card for Lucía Martínez García' })).not.toBeInTheDocument();
  });

  it('says what to do when no item is selected', async () => {
    const office = createFakeOffice({ item: aMessage() });
    renderTaskpane(createTestServices({ office }));
    await screen.findByRole('heading', { name: 'People in this email' });
    act(() => office.select(undefined));
    expect(await screen.findByText('Select a message or a meeting to see its people in the ERP.')).toBeInTheDocument();
  });

  it('shows a card for the sender and every recipient, but not for the mailbox owner', async () => {
    const item = aMessage({
      to: [{ email: 'me@contoso.example' }, { email: 'jon@fabrikam.example', name: 'Jon Ander' }],
      cc: [{ email: 'LUCIA@talleres-urrutia.es' }, { email: 'ana@contoso.example' }],
    });
    renderTaskpane(createTestServices({ office: createFakeOffice({ item }) }));
    const people = await screen.findByRole('region', { name: 'ERP card for Lucía Martínez García' });
    expect(people).toBeInTheDocument();
    const cards = screen.getAllByRole('region', { name: /^ERP card for / });
    expect(cards.map((card) => card.getAttribute('aria-label'))).toEqual([
      'ERP card for Lucía Martínez García',
      'ERP card for Jon Ander',
      'ERP card for ana@contoso.example',
    ]);
  });

  it('opens the settings on demand, shows the saved settings and saves a toggle', async () => {
    const bridge = createFakeBridge({ settings: { ...createFakeBridge().settings, enabled: true, contactFolderId: 'folder-erp', contactFolderName: 'ERP' } });
    const sync = createFakeSync({ folders: [{ id: 'folder-erp', displayName: 'ERP' }] });
    renderTaskpane(createTestServices({ office: createFakeOffice({ item: aMessage() }), bridge, sync }));

    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));

    expect(await screen.findByRole('switch', { name: 'Sync ERP contacts to Outlook for me' })).toBeChecked();
    expect(await screen.findByRole('combobox', { name: 'Contact folder' })).toHaveDisplayValue('ERP');
    const actions = screen.getByRole('switch', { name: 'Sync ERP actions to my calendar and To Do' });
    expect(actions).not.toBeChecked();

    await userEvent.click(actions);

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(actions).toBeChecked();
    expect(bridge.settings.actionsEnabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Admin' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: 'People in this email' })).toBeInTheDocument();
  });

  it('gives admins the admin view with the environment’s users', async () => {
    const bridge = createFakeBridge({
      isAdmin: true,
      users: [{ tenantId: 't', objectId: 'o', email: 'inigo@contoso.example', displayName: 'Íñigo Urrutia', firstSeenAt: '2026-03-01T08:00:00Z', lastSeenAt: '2026-03-02T08:00:00Z' }],
    });
    const sync = createFakeSync({
      statuses: [{ tenantId: 't', objectId: 'o', email: 'inigo@contoso.example', displayName: 'Íñigo Urrutia', lastSeenAt: '2026-03-02T08:00:00Z', syncEnabled: false, connected: false, openConflicts: 0 }],
    });
    renderTaskpane(createTestServices({ office: createFakeOffice({ item: aMessage() }), bridge, sync }));

    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Admin' }));

    expect(await screen.findByText('Íñigo Urrutia')).toBeInTheDocument();
    expect(screen.getByText('inigo@contoso.example')).toBeInTheDocument();
  });

  it('puts back a toggle the bridge refused, and says why', async () => {
    const bridge = createFakeBridge();
    const { BridgeError } = await import('../../../src/erp/bridge-error');
    bridge.putSettings = () => Promise.reject(new BridgeError('forbidden', 'sync is turned off for this environment', 403));
    renderTaskpane(createTestServices({ office: createFakeOffice({ item: aMessage() }), bridge }));
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));

    const sync = await screen.findByRole('switch', { name: 'Sync ERP contacts to Outlook for me' });
    await userEvent.click(sync);

    expect(await screen.findByText('You are not allowed to do this.')).toBeInTheDocument();
    expect(sync).not.toBeChecked();
  });
});

describe('the pane and the keyboard', () => {
  it('reaches Settings with Tab and opens it with Enter', async () => {
    renderTaskpane(createTestServices({ office: createFakeOffice({ item: aMessage() }) }));
    await screen.findByRole('heading', { name: 'People in this email' });
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Settings' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('switch', { name: 'Sync ERP contacts to Outlook for me' })).toBeInTheDocument();
  });
});
