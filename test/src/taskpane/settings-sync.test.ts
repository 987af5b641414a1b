// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSyncSettings, type SyncSettings } from '../../../src/domain/sync-settings';
import { BridgeError } from '../../../src/erp/bridge-error';
import { SettingsView } from '../../../src/taskpane/SettingsView/SettingsView';
import { aContact } from './support/builders';
import { createFakeBridge, type FakeBridge } from './support/fake-bridge';
import { createFakeSync, type FakeSync } from './support/fake-sync';
import { createTestServices, renderWithServices } from './support/render-taskpane';

afterEach(cleanup);

const syncOn: SyncSettings = { ...defaultSyncSettings, enabled: true, contactFolderId: 'folder-erp', contactFolderName: 'ERP' };

function renderSettings(options: { bridge?: FakeBridge; sync?: FakeSync; language?: 'en' | 'es' | 'fr' } = {}) {
  const bridge = options.bridge ?? createFakeBridge();
  const sync = options.sync ?? createFakeSync();
  renderWithServices(createElement(SettingsView, { onOpenAdmin: () => undefined, pollMs: 5 }), createTestServices({ bridge, sync }), options.language);
  return { bridge, sync };
}

describe('turning sync on', () => {
  it('shows the settings loading, then the switch off and nothing else to set', async () => {
    renderSettings();
    expect(screen.getByRole('progressbar', { name: 'Loading your settings' })).toBeInTheDocument();
    expect(await screen.findByRole('switch', { name: 'Sync ERP contacts to Outlook for me' })).not.toBeChecked();
    expect(screen.queryByRole('combobox', { name: 'Contact folder' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sync now' })).not.toBeInTheDocument();
  });

  it('connects the mailbox first, then saves, and asks for a folder', async () => {
    const { bridge, sync } = renderSettings();
    await userEvent.click(await screen.findByRole('switch', { name: 'Sync ERP contacts to Outlook for me' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(sync.store.connected).toBe(true);
    expect(bridge.settings.enabled).toBe(true);
    expect(await screen.findByRole('combobox', { name: 'Contact folder' })).toBeInTheDocument();
    expect(screen.getByText('Choose a contact folder to preview and run sync.')).toBeInTheDocument();
  });

  it('says sync waits for an admin to activate it, keeps the choices, and offers no run yet', async () => {
    renderSettings({ bridge: createFakeBridge({ settings: syncOn, syncActivated: false }) });
    expect(await screen.findByText('Sync is not activated for your organization yet. Your choices are kept, and sync starts once an admin activates it.')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Sync ERP contacts to Outlook for me' })).toBeChecked();
    expect(screen.queryByRole('button', { name: 'Sync now' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Preview the next run' })).not.toBeInTheDocument();
  });

  it('tells an admin where to activate sync', async () => {
    renderSettings({ bridge: createFakeBridge({ syncActivated: false, isAdmin: true }) });
    expect(await screen.findByText('Sync is not activated for your organization yet. As an admin, you activate it in the Admin view.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Admin' })).toBeInTheDocument();
  });

  it('reads the contact folders only once the mailbox is connected', async () => {
    const sync = createFakeSync();
    const { connect, contactFolders } = sync;
    let finishConnecting = () => {};
    sync.connect = () => new Promise((resolve) => (finishConnecting = () => resolve(connect())));
    sync.contactFolders = () => (sync.store.connected ? contactFolders() : Promise.reject(new BridgeError('auth_required', 'sync has no sign-in for this user', 401)));
    renderSettings({ sync });
    await userEvent.click(await screen.findByRole('switch', { name: 'Sync ERP contacts to Outlook for me' }));
    expect(await screen.findByText('Connecting your mailbox…')).toBeInTheDocument();
    finishConnecting();

    expect(await screen.findByRole('combobox', { name: 'Contact folder' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([
    ['consent missing for Graph', new BridgeError('forbidden', 'AADSTS65001: consent required', 403), 'You are not allowed to do this.'],
    ['the sign-in refused', new BridgeError('auth_required', 'sign in again', 401), 'Sign in to see ERP data.'],
    ['Microsoft 365 down', new BridgeError('unavailable', 'the identity provider did not answer', 503), 'The ERP bridge cannot be reached. Check your connection.'],
  ])('puts the switch back when connecting fails (%s) and says why', async (_case, error, message) => {
    const sync = createFakeSync();
    sync.fail('connect', error);
    const { bridge } = renderSettings({ sync });
    const toggle = await screen.findByRole('switch', { name: 'Sync ERP contacts to Outlook for me' });
    await userEvent.click(toggle);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(message)).toBeInTheDocument();
    expect(within(alert).getByText(error.message)).toBeInTheDocument();
    expect(toggle).not.toBeChecked();
    expect(bridge.settings.enabled).toBe(false);
  });

  it('says what went wrong when the settings cannot be read, and reads them again', async () => {
    const bridge = createFakeBridge();
    const getSettings = bridge.getSettings;
    bridge.getSettings = () => Promise.reject(new BridgeError('erp_unavailable', 'ERP down', 503));
    renderSettings({ bridge });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The ERP is not answering. Try again later.')).toBeInTheDocument();

    bridge.getSettings = getSettings;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('switch', { name: 'Sync ERP contacts to Outlook for me' })).toBeInTheDocument();
  });
});

describe('the contact folder', () => {
  it('is picked from the mailbox’s folders and saved', async () => {
    const bridge = createFakeBridge({ settings: { ...defaultSyncSettings, enabled: true } });
    const sync = createFakeSync({ folders: [{ id: 'folder-contacts', displayName: 'Contacts' }, { id: 'folder-clients', displayName: 'Clientes' }] });
    renderSettings({ bridge, sync });

    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Contact folder' }), 'Clientes');

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(bridge.settings).toMatchObject({ contactFolderId: 'folder-clients', contactFolderName: 'Clientes' });
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeInTheDocument();
  });

  it.each([
    ['move', 'Move them to “Clientes”, with everything you added in Outlook'],
    ['leave', 'Leave them in “ERP”, no longer synced, and fill “Clientes” with new copies'],
  ] as const)('asks what becomes of the synced contacts when another folder is picked, and saves the answer (%s)', async (mode, label) => {
    const bridge = createFakeBridge({ settings: syncOn });
    const sync = createFakeSync({ folders: [{ id: 'folder-erp', displayName: 'ERP' }, { id: 'folder-clients', displayName: 'Clientes' }] });
    renderSettings({ bridge, sync });

    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Contact folder' }), 'Clientes');
    const choice = screen.getByRole('group', { name: 'Your synced contacts are in “ERP”. What should happen to them?' });
    expect(bridge.settings.contactFolderId).toBe('folder-erp');
    await userEvent.click(within(choice).getByRole('radio', { name: label }));
    await userEvent.click(within(choice).getByRole('button', { name: 'Change folder' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(bridge.settings).toMatchObject({ contactFolderId: 'folder-clients', contactFolderName: 'Clientes', contactFolderChange: mode });
    expect(screen.queryByRole('group', { name: /What should happen to them/ })).not.toBeInTheDocument();
  });

  it('keeps the folder when the user thinks better of the change', async () => {
    const bridge = createFakeBridge({ settings: syncOn });
    const sync = createFakeSync({ folders: [{ id: 'folder-erp', displayName: 'ERP' }, { id: 'folder-clients', displayName: 'Clientes' }] });
    renderSettings({ bridge, sync });

    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Contact folder' }), 'Clientes');
    await userEvent.click(screen.getByRole('button', { name: 'Keep “ERP”' }));

    expect(screen.queryByRole('group', { name: /What should happen to them/ })).not.toBeInTheDocument();
    expect(bridge.settings).toMatchObject({ contactFolderId: 'folder-erp' });
    expect(screen.getByRole('combobox', { name: 'Contact folder' })).toHaveDisplayValue('ERP');
  });

  it('can be a new ERP folder, created and chosen in one click', async () => {
    const bridge = createFakeBridge({ settings: { ...defaultSyncSettings, enabled: true } });
    const { sync } = renderSettings({ bridge });

    await userEvent.click(await screen.findByRole('button', { name: 'Create the “ERP” folder' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(sync.store.folders.map((folder) => folder.displayName)).toEqual(['Contacts', 'ERP']);
    expect(bridge.settings).toMatchObject({ contactFolderId: 'folder-erp', contactFolderName: 'ERP' });
    expect(screen.getByRole('combobox', { name: 'Contact folder' })).toHaveDisplayValue('ERP');
    expect(screen.queryByRole('button', { name: 'Create the “ERP” folder' })).not.toBeInTheDocument();
  });

  it('says why the folder could not be created', async () => {
    const sync = createFakeSync();
    sync.fail('createContactFolder', new BridgeError('conflict', 'a folder named ERP already exists', 409));
    renderSettings({ bridge: createFakeBridge({ settings: { ...defaultSyncSettings, enabled: true } }), sync });

    await userEvent.click(await screen.findByRole('button', { name: 'Create the “ERP” folder' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('a folder named ERP already exists')).toBeInTheDocument();
  });

  it('says why the folders could not be listed', async () => {
    const sync = createFakeSync();
    sync.fail('contactFolders', new BridgeError('throttled', 'Graph asked to wait', 429));
    renderSettings({ bridge: createFakeBridge({ settings: { ...defaultSyncSettings, enabled: true } }), sync });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Too many requests. Try again in a moment.')).toBeInTheDocument();
  });
});

describe('actions', () => {
  it('go to the main calendar once turned on', async () => {
    const { bridge } = renderSettings({ bridge: createFakeBridge({ settings: syncOn }) });
    await userEvent.click(await screen.findByRole('switch', { name: 'Sync ERP actions to my calendar and To Do' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(bridge.settings.actionsEnabled).toBe(true);
    const calendars = screen.getByRole('radiogroup', { name: 'Calendar for timed actions' });
    expect(within(calendars).getByRole('radio', { name: 'Main calendar (ERP visits block your free/busy time)' })).toBeChecked();
  });

  it('let events Ana tags ERP in Outlook become actions, offered only while events sync both ways', async () => {
    const { bridge } = renderSettings({ bridge: createFakeBridge({ settings: { ...syncOn, actionsEnabled: true, events: 'two-way' } }) });
    await userEvent.click(await screen.findByRole('switch', { name: 'My events I tag “ERP” in Outlook become ERP actions' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(bridge.settings.eventsFromOutlook).toBe(true);
  });

  it('keep a calendar chosen before, and can go back to the main one', async () => {
    const { bridge } = renderSettings({ bridge: createFakeBridge({ settings: { ...syncOn, actionsEnabled: true, actionsCalendarId: 'cal-erp' } }) });
    expect(await screen.findByRole('radio', { name: 'The calendar chosen before (cal-erp)' })).toBeChecked();

    await userEvent.click(screen.getByRole('radio', { name: 'Main calendar (ERP visits block your free/busy time)' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(bridge.settings.actionsCalendarId).toBeUndefined();
  });
});

describe('the preview', () => {
  it('counts each kind of change, with a few names', async () => {
    const sync = createFakeSync({
      preview: {
        counts: { createInOutlook: 2, updateInOutlook: 1, removeFromOutlook: 0, unchanged: 7, heldRemovals: 0 },
        samples: { createInOutlook: [{ erpId: '1', displayName: 'Ana García' }, { erpId: '6', displayName: '<img src=x onerror=alert(1)>' }], updateInOutlook: [{ erpId: '4' }] },
        heldRemovals: [],
        needsConfirmation: false,
      },
    });
    renderSettings({ bridge: createFakeBridge({ settings: syncOn }), sync });

    await userEvent.click(await screen.findByRole('button', { name: 'Preview the next run' }));

    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(await within(preview).findByText('What the next run would do')).toBeInTheDocument();
    const terms = within(preview).getAllByRole('term').map((term) => term.textContent);
    expect(terms).toEqual(['To create in OutlookFor example: Ana García, <img src=x onerror=alert(1)>', 'To update in OutlookFor example: 4', 'Already up to date']);
    expect(within(preview).getAllByRole('definition').map((value) => value.textContent)).toEqual(['2', '1', '7']);
    expect(preview.querySelector('img')).toBeNull();
  });

  it('warns when the run would wait for confirmation', async () => {
    const sync = createFakeSync({ preview: { counts: { removeFromOutlook: 30, heldRemovals: 30 }, samples: {}, heldRemovals: [], needsConfirmation: true } });
    renderSettings({ bridge: createFakeBridge({ settings: syncOn }), sync });
    await userEvent.click(await screen.findByRole('button', { name: 'Preview the next run' }));
    expect(await screen.findByText('This run would remove 30 contacts from Outlook: it will ask you to confirm first.')).toBeInTheDocument();
  });

  it('says the next run moves the synced contacts to the new folder first, instead of counts', async () => {
    const sync = createFakeSync({ preview: { counts: {}, samples: {}, heldRemovals: [], needsConfirmation: false, folderChange: { mode: 'move', contacts: 412 } } });
    renderSettings({ bridge: createFakeBridge({ settings: syncOn }), sync });
    await userEvent.click(await screen.findByRole('button', { name: 'Preview the next run' }));
    expect(await screen.findByText('The next run first syncs your previous folder, then moves its 412 synced contacts to the new one.')).toBeInTheDocument();
    expect(screen.queryByText('Nothing would change: your folder is up to date.')).not.toBeInTheDocument();
  });

  it('says when nothing would change', async () => {
    renderSettings({ bridge: createFakeBridge({ settings: syncOn }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Preview the next run' }));
    expect(await screen.findByText('Nothing would change: your folder is up to date.')).toBeInTheDocument();
  });

  it.each([
    ['forbidden', 403, 'Sync is not activated for your organization yet: an admin turns it on in the Admin view.'],
    ['unavailable', 503, 'Sync is not available on this bridge right now.'],
    ['erp_unavailable', 503, 'The ERP is not answering. Try again later.'],
  ] as const)('explains a %s answer in sync’s own words', async (code, status, message) => {
    const sync = createFakeSync();
    sync.fail('preview', new BridgeError(code, `bridge says ${code}`, status));
    renderSettings({ bridge: createFakeBridge({ settings: syncOn }), sync });
    await userEvent.click(await screen.findByRole('button', { name: 'Preview the next run' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(message)).toBeInTheDocument();
    expect(within(alert).getByText(`bridge says ${code}`)).toBeInTheDocument();
  });
});

describe('conflicts', () => {
  const conflict = { id: 'k-1', entity: 'contact', erpId: 'C-1', field: 'businessPhone', erpValue: '+34 944 000 111', outlookValue: '+34 600 000 000', createdAt: '2026-03-02T09:00:00Z' };

  it('show both values with the contact’s name; keeping one takes it off the list', async () => {
    const sync = createFakeSync({ conflicts: [conflict, { ...conflict, id: 'k-2', field: 'address', erpValue: { street: 'Gran Vía 1', city: 'Madrid' }, outlookValue: undefined }] });
    renderSettings({ bridge: createFakeBridge({ settings: syncOn, contacts: [aContact()] }), sync });

    const list = await screen.findByRole('list', { name: 'Conflicts' });
    expect(await within(list).findByText('Lucía Martínez García: phone')).toBeInTheDocument();
    expect(within(list).getByText('+34 600 000 000')).toBeInTheDocument();
    expect(within(list).getByText('Gran Vía 1, Madrid')).toBeInTheDocument();
    expect(within(list).getByText('(empty)')).toBeInTheDocument();

    await userEvent.click(within(list).getAllByRole('button', { name: 'Keep the Outlook value' })[0] as HTMLElement);

    expect(await screen.findByText('Lucía Martínez García: address')).toBeInTheDocument();
    expect(screen.queryByText('Lucía Martínez García: phone')).not.toBeInTheDocument();
    expect(sync.resolved).toEqual([{ conflictId: 'k-1', resolution: 'outlook' }]);
  });

  it('show a task’s conflict as the action’s, with its field named in the user’s language', async () => {
    const task = { ...conflict, id: 'k-3', entity: 'task', erpId: 'A-7', field: 'dueDate', erpValue: '2026-03-29', outlookValue: '2026-03-30' };
    const sync = createFakeSync({ conflicts: [task] });
    renderSettings({ bridge: createFakeBridge({ settings: syncOn, contacts: [aContact({ id: 'A-7' })] }), sync });

    const list = await screen.findByRole('list', { name: 'Conflicts' });
    expect(await within(list).findByText('Action A-7: due date')).toBeInTheDocument();
    expect(within(list).getByText('2026-03-30')).toBeInTheDocument();
  });

  it('say when there are none', async () => {
    renderSettings({ bridge: createFakeBridge({ settings: syncOn }) });
    expect(await screen.findByText('No conflicts to resolve.')).toBeInTheDocument();
  });

  it('keep a conflict the bridge would not resolve, and say why', async () => {
    const sync = createFakeSync({ conflicts: [conflict] });
    sync.fail('resolveConflict', new BridgeError('not_found', 'open conflict not found', 404));
    renderSettings({ bridge: createFakeBridge({ settings: syncOn }), sync });
    await userEvent.click(await screen.findByRole('button', { name: 'Keep the ERP value' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('This record no longer exists in the ERP.')).toBeInTheDocument();
    expect(screen.getByText('Contact C-1: phone')).toBeInTheDocument();
  });
});

describe('contacts deleted in Outlook', () => {
  it('can be restored', async () => {
    const sync = createFakeSync({ suppressed: [{ erpId: 'C-1', outlookId: 'o-1', updatedAt: '2026-03-02T09:00:00Z' }] });
    renderSettings({ bridge: createFakeBridge({ settings: syncOn, contacts: [aContact()] }), sync });

    await userEvent.click(await screen.findByRole('button', { name: 'Restore Lucía Martínez García' }));

    const section = screen.getByRole('region', { name: 'Contacts you deleted in Outlook' });
    expect(await within(section).findByText('None.')).toBeInTheDocument();
    expect(sync.restored).toEqual(['C-1']);
  });

  it('say why they cannot be listed', async () => {
    const sync = createFakeSync();
    sync.fail('suppressed', new BridgeError('internal', 'store down', 500));
    renderSettings({ bridge: createFakeBridge({ settings: syncOn }), sync });
    const section = await screen.findByRole('region', { name: 'Contacts you deleted in Outlook' });
    expect(await within(section).findByRole('alert')).toHaveTextContent('Something went wrong in the ERP bridge.');
  });
});

describe('in Spanish', () => {
  it('speaks Spanish from the switch to the preview', async () => {
    renderSettings({ bridge: createFakeBridge({ settings: syncOn }), language: 'es' });
    expect(await screen.findByRole('switch', { name: 'Sincronizar para mí los contactos del ERP con Outlook' })).toBeChecked();
    expect(await screen.findByRole('combobox', { name: 'Carpeta de contactos' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ver qué haría la próxima sincronización' }));
    expect(await screen.findByText('No cambiaría nada: su carpeta está al día.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sincronizar ahora' })).toBeInTheDocument();
  });
});
