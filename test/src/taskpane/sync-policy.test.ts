// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSyncSettings, type SyncSettings } from '../../../src/domain/sync-settings';
import type { Language } from '../../../src/i18n/pick-language';
import { AdminView } from '../../../src/taskpane/AdminView/AdminView';
import { SettingsView } from '../../../src/taskpane/SettingsView/SettingsView';
import { buildCollectionPolicy, buildSyncPolicy } from '../../builders/build-sync-policy';
import { createFakeBridge, type FakeBridgeData } from './support/fake-bridge';
import { createFakeSync, type FakeSyncData } from './support/fake-sync';
import { createTestServices, renderWithServices } from './support/render-taskpane';

afterEach(cleanup);

const syncOn: SyncSettings = { ...defaultSyncSettings, enabled: true, contactFolderId: 'folder-erp', contactFolderName: 'ERP' };
const optionsOf = (select: HTMLElement) => within(select).getAllByRole('option').map((option) => option.textContent);

function renderSettings(data: FakeBridgeData, language: Language = 'en') {
  const bridge = createFakeBridge(data);
  renderWithServices(createElement(SettingsView, { onOpenAdmin: () => undefined, pollMs: 5 }), createTestServices({ bridge, sync: createFakeSync() }), language);
  return bridge;
}

function renderAdmin(data: FakeSyncData = {}, language: Language = 'en') {
  const sync = createFakeSync(data);
  renderWithServices(createElement(AdminView), createTestServices({ bridge: createFakeBridge({ isAdmin: true }), sync }), language);
  return sync;
}

describe('the pane’s sync choices', () => {
  it('offers two-way contact sync where the policy allows it, then what wins a conflict, and saves both', async () => {
    const bridge = renderSettings({ settings: syncOn });
    const direction = await screen.findByRole('combobox', { name: 'How contacts sync' });
    expect(optionsOf(direction)).toEqual(['From the ERP to Outlook', 'Both ways: my Outlook edits go back to the ERP', 'Not synced']);
    expect(screen.queryByRole('combobox', { name: 'When a contact changed on both sides' })).not.toBeInTheDocument();

    await userEvent.selectOptions(direction, 'Both ways: my Outlook edits go back to the ERP');
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'When a contact changed on both sides' }), 'Let me choose each time');

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(bridge.settings).toMatchObject({ contacts: 'two-way', conflicts: 'manual' });
  });

  it('offers only the directions and conflict rules the admin allows', async () => {
    const syncPolicy = buildSyncPolicy({ contacts: buildCollectionPolicy({ directions: ['erp-to-outlook', 'two-way'], conflicts: ['erp-wins', 'newest'], defaultDirection: 'erp-to-outlook' }) });
    renderSettings({ settings: { ...syncOn, contacts: 'two-way' }, syncPolicy });

    expect(optionsOf(await screen.findByRole('combobox', { name: 'How contacts sync' }))).toEqual(['From the ERP to Outlook', 'Both ways: my Outlook edits go back to the ERP']);
    expect(optionsOf(screen.getByRole('combobox', { name: 'When a contact changed on both sides' }))).toEqual(['Keep the ERP value', 'Keep the newest change']);
  });

  it('shows a direction the admin fixed as the only one, and cannot change it', async () => {
    renderSettings({ settings: syncOn, syncPolicy: buildSyncPolicy({ contacts: buildCollectionPolicy({ directions: ['erp-to-outlook'], defaultDirection: 'erp-to-outlook' }) }) });

    const direction = await screen.findByRole('combobox', { name: 'How contacts sync' });
    expect(optionsOf(direction)).toEqual(['From the ERP to Outlook']);
    expect(direction).toBeDisabled();
  });

  it('offers events and tasks within the policy, and the To Do list by name, once actions are on', async () => {
    const syncPolicy = buildSyncPolicy({ tasks: buildCollectionPolicy({ directions: ['erp-to-outlook', 'off'], defaultDirection: 'erp-to-outlook' }) });
    const bridge = renderSettings({ settings: { ...syncOn, actionsEnabled: true, tasks: 'erp-to-outlook' }, syncPolicy });

    expect(optionsOf(await screen.findByRole('combobox', { name: 'How calendar events sync' }))).toHaveLength(3);
    expect(optionsOf(screen.getByRole('combobox', { name: 'How To Do tasks sync' }))).toEqual(['From the ERP to Outlook', 'Not synced']);
    const list = screen.getByRole('textbox', { name: 'To Do list for actions without a time' });
    expect(list).toHaveValue('ERP');

    await userEvent.clear(list);
    await userEvent.type(list, 'Visitas ERP');
    await userEvent.tab();

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(bridge.settings.todoListName).toBe('Visitas ERP');
  });

  it('keeps the saved list name when the field is left empty', async () => {
    const bridge = renderSettings({ settings: { ...syncOn, actionsEnabled: true } });
    const list = await screen.findByRole('textbox', { name: 'To Do list for actions without a time' });

    await userEvent.clear(list);
    await userEvent.tab();

    expect(list).toHaveValue('ERP');
    expect(bridge.settings.todoListName).toBe('ERP');
  });

  it.each([
    ['es', 'Cómo se sincronizan los contactos', 'En los dos sentidos: mis cambios en Outlook vuelven al ERP', 'Si un contacto cambió en los dos lados', 'Elegir yo cada vez'],
    ['fr', 'Synchronisation des contacts', 'Dans les deux sens : mes modifications dans Outlook reviennent dans l’ERP', 'Si un contact a changé des deux côtés', 'Me laisser choisir à chaque fois'],
  ] as const)('speaks %s', async (language, directionLabel, twoWay, conflictsLabel, manual) => {
    renderSettings({ settings: { ...syncOn, contacts: 'two-way' } }, language);

    expect(optionsOf(await screen.findByRole('combobox', { name: directionLabel }))).toContain(twoWay);
    expect(optionsOf(screen.getByRole('combobox', { name: conflictsLabel }))).toContain(manual);
  });
});

describe('the admin’s sync policy', () => {
  it('shows per collection the values the configuration allows, as checkboxes, and the defaults', async () => {
    const configured = buildSyncPolicy({ events: buildCollectionPolicy({ directions: ['two-way', 'off'] }) });
    renderAdmin({ syncPolicy: { policy: configured, configured } });

    const contacts = await screen.findByRole('group', { name: 'Contacts' });
    expect(within(contacts).getByRole('checkbox', { name: 'Both ways: my Outlook edits go back to the ERP' })).toBeChecked();
    expect(within(contacts).getByRole('combobox', { name: 'Default direction' })).toHaveValue('erp-to-outlook');
    const events = screen.getByRole('group', { name: 'Calendar events' });
    expect(within(events).queryByRole('checkbox', { name: 'From the ERP to Outlook' })).not.toBeInTheDocument();
    expect(within(events).getAllByRole('checkbox')).toHaveLength(2 + 4);
    expect(screen.getByText('As set in the bridge configuration.')).toBeInTheDocument();
  });

  it('narrows contacts to one way: the default moves off what is no longer allowed, and the policy is saved', async () => {
    const sync = renderAdmin({ syncPolicy: { policy: buildSyncPolicy({ contacts: buildCollectionPolicy({ defaultDirection: 'two-way' }) }), configured: buildSyncPolicy() } });
    const contacts = await screen.findByRole('group', { name: 'Contacts' });

    await userEvent.click(within(contacts).getByRole('checkbox', { name: 'Both ways: my Outlook edits go back to the ERP' }));
    await userEvent.click(within(contacts).getByRole('checkbox', { name: 'Let me choose each time' }));
    const defaultDirection = within(contacts).getByRole('combobox', { name: 'Default direction' });
    expect(defaultDirection).toHaveValue('erp-to-outlook');
    expect(optionsOf(defaultDirection)).toEqual(['From the ERP to Outlook', 'Not synced']);
    await userEvent.click(screen.getByRole('button', { name: 'Save what users may choose' }));

    expect(await screen.findByText('Saved. Users’ choices outside it now get the defaults.')).toBeInTheDocument();
    expect(sync.store.syncPolicy.policy.contacts).toEqual({ directions: ['erp-to-outlook', 'off'], conflicts: ['erp-wins', 'outlook-wins', 'newest'], defaultDirection: 'erp-to-outlook', defaultConflicts: 'erp-wins' });
    expect(screen.getByText(/^Changed by lucia@contoso\.example/)).toBeInTheDocument();
  });

  it('never leaves a collection with nothing allowed', async () => {
    const configured = buildSyncPolicy();
    renderAdmin({ syncPolicy: { policy: buildSyncPolicy({ tasks: buildCollectionPolicy({ directions: ['off'], defaultDirection: 'off' }) }), configured } });

    const tasks = await screen.findByRole('group', { name: 'To Do tasks' });
    expect(within(tasks).getByRole('checkbox', { name: 'Not synced' })).toBeDisabled();
  });

  it('says why the bridge refused the policy', async () => {
    // The configuration shrank since the page loaded: the bridge refuses what it no longer allows.
    const sync = renderAdmin();
    await screen.findByRole('group', { name: 'Contacts' });
    sync.store.syncPolicy = { ...sync.store.syncPolicy, configured: buildSyncPolicy({ contacts: buildCollectionPolicy({ directions: ['erp-to-outlook'], defaultDirection: 'erp-to-outlook' }) }) };

    await userEvent.click(screen.getByRole('button', { name: 'Save what users may choose' }));

    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(sync.store.syncPolicy.policy).toEqual(buildSyncPolicy());
  });

  it('speaks Spanish', async () => {
    renderAdmin({}, 'es');

    const contacts = await screen.findByRole('group', { name: 'Contactos' });
    expect(within(contacts).getByRole('checkbox', { name: 'En los dos sentidos: mis cambios en Outlook vuelven al ERP' })).toBeChecked();
    expect(within(contacts).getByRole('combobox', { name: 'Regla de conflicto predeterminada' })).toHaveValue('erp-wins');
    expect(screen.getByRole('button', { name: 'Guardar lo que pueden elegir' })).toBeInTheDocument();
  });
});
