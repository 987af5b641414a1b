// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSyncSettings } from '../../../src/domain/sync-settings';
import { BridgeError } from '../../../src/erp/bridge-error';
import { SettingsView } from '../../../src/taskpane/SettingsView/SettingsView';
import { createFakeBridge } from './support/fake-bridge';
import { aRun, createFakeSync, type FakeSync } from './support/fake-sync';
import { createTestServices, renderWithServices } from './support/render-taskpane';

afterEach(cleanup);

const settings = { ...defaultSyncSettings, enabled: true, contactFolderId: 'folder-erp', contactFolderName: 'ERP' };

function renderRun(sync: FakeSync, language: 'en' | 'es' | 'fr' = 'en') {
  renderWithServices(createElement(SettingsView, { onOpenAdmin: () => undefined, pollMs: 5 }), createTestServices({ bridge: createFakeBridge({ settings }), sync }), language);
  return screen.findByRole('region', { name: { en: 'Sync now', es: 'Sincronizar ahora', fr: 'Synchroniser maintenant' }[language] });
}

describe('sync now', () => {
  it('says sync has not run yet, then follows a run through its stages to done', async () => {
    const sync = createFakeSync({
      runSteps: [
        { ...aRun(), status: 'running', stage: 'listing-erp', done: 0, total: 0, finishedAt: undefined, report: undefined },
        { ...aRun(), status: 'running', stage: 'applying', done: 1, total: 4, finishedAt: undefined, report: undefined },
        { ...aRun(), status: 'succeeded', stage: 'done', done: 4, total: 4, report: { applied: 4, failures: [], failedOperations: 0, heldRemovals: [] } },
      ],
    });
    const panel = await renderRun(sync);
    expect(await within(panel).findByText('Sync has not run yet.')).toBeInTheDocument();

    await userEvent.click(within(panel).getByRole('button', { name: 'Sync now' }));

    expect(await within(panel).findByText('Done · 4 of 4')).toBeInTheDocument();
    const progress = within(panel).getByRole('progressbar', { name: 'Sync progress' });
    expect(progress).toHaveAttribute('aria-valuenow', '1');
    expect(within(panel).getByText(/^Last run: done/)).toBeInTheDocument();
    expect(within(panel).getByText('Changes made: 4')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Sync now' })).toBeEnabled();
    expect(sync.started).toEqual([{ confirmRemovals: false }]);
  });

  it('shows the stage and the count while it runs', async () => {
    const sync = createFakeSync({ runSteps: [{ ...aRun(), status: 'running', stage: 'applying', done: 12, total: 40, finishedAt: undefined, report: undefined }] });
    const panel = await renderRun(sync);
    await userEvent.click(await within(panel).findByRole('button', { name: 'Sync now' }));

    expect(await within(panel).findByText('Writing the changes · 12 of 40')).toBeInTheDocument();
    expect(within(panel).getByRole('progressbar', { name: 'Sync progress' })).toHaveAttribute('aria-valuenow', '0.3');
    expect(within(panel).getByRole('button', { name: 'Sync now' })).toBeDisabled();
  });

  it('lists the contacts that failed, with why, as data of a finished run', async () => {
    const report = {
      applied: 38,
      failedOperations: 2,
      failures: [
        { erpId: '6', operation: 'createInOutlook', code: 'invalid_input', message: 'Graph refused the display name' },
        { erpId: '9', operation: 'updateInOutlook', code: 'precondition_failed', message: 'etag mismatch' },
      ],
      heldRemovals: [],
    };
    const panel = await renderRun(createFakeSync({ runs: [aRun({ report })] }));

    const failures = await within(panel).findByRole('list', { name: 'Contacts that failed: 2' });
    expect(within(failures).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Contact 6, creating in Outlook: refused as invalidGraph refused the display name',
      'Contact 9, updating in Outlook: it changed meanwhileetag mismatch',
    ]);
    expect(within(panel).getByText('Changes made: 38')).toBeInTheDocument();
  });

  it('names the field and the value the ERP refused, and why, among the failures', async () => {
    const failures = [{ erpId: '7', operation: 'updateInErp', code: 'invalid_input', message: 'Invalid email address', field: 'emails', value: 'juan@empresa' }];
    const panel = await renderRun(createFakeSync({ runs: [aRun({ report: { applied: 3, failedOperations: 1, failures, heldRemovals: [] } })] }));

    const list = await within(panel).findByRole('list', { name: 'Contacts that failed: 1' });
    expect(within(list).getByRole('listitem').textContent).toBe('Contact 7: the ERP refused the emails “juan@empresa”; the rest of the contact was syncedInvalid email address');
  });

  it('says how many edited copies of synced contacts it left alone', async () => {
    const run = aRun({ status: 'succeeded', stage: 'done', report: { applied: 1, failures: [], heldRemovals: [], planned: { deduplicate: 1, duplicatesLeftAlone: 2 } } });
    const panel = await renderRun(createFakeSync({ runs: [run] }));
    expect(await within(panel).findByText('Copies of synced contacts that you edited, left as they are: 2')).toBeInTheDocument();
  });

  it('says how many contacts moved to the new folder, or stayed in the old one', async () => {
    const moved = aRun({ status: 'succeeded', stage: 'done', report: { applied: 0, failures: [], heldRemovals: [], folderChange: { mode: 'move', moved: 41, left: 0, missing: 0 } } });
    const panel = await renderRun(createFakeSync({ runs: [moved] }));
    expect(await within(panel).findByText('Contacts moved to the new folder: 41')).toBeInTheDocument();
    cleanup();
    const left = aRun({ status: 'succeeded', stage: 'done', report: { applied: 41, failures: [], heldRemovals: [], folderChange: { mode: 'leave', moved: 0, left: 41, missing: 0 } } });
    const leftPanel = await renderRun(createFakeSync({ runs: [left] }));
    expect(await within(leftPanel).findByText('Contacts left in the old folder, no longer synced: 41')).toBeInTheDocument();
  });

  it('names the contact that could not move to the new folder, and why', async () => {
    const failures = [{ erpId: '7', operation: 'moveToFolder', code: 'precondition_failed', message: 'changed while it was being moved' }];
    const run = aRun({ status: 'failed', stage: 'failed', report: { applied: 0, failedOperations: 1, failures, heldRemovals: [], failure: { code: 'precondition_failed', message: '1 contacts could not be moved' } } });
    const panel = await renderRun(createFakeSync({ runs: [run] }));
    const list = await within(panel).findByRole('list', { name: 'Contacts that failed: 1' });
    expect(within(list).getByRole('listitem').textContent).toContain('moving to the new folder');
  });

  it('counts what the run did in the calendar and in To Do, in each language', async () => {
    const applied = (outlook: number, erp: number) => ({ outlookCreated: outlook, outlookUpdated: 0, outlookRemoved: 0, erpCreated: 0, erpUpdated: erp });
    const collections = {
      events: { outcome: 'partial', quiet: false, applied: applied(3, 1), failedOperations: 2 },
      tasks: { outcome: 'succeeded', quiet: false, applied: applied(5, 0), failedOperations: 0 },
    };
    const run = aRun({ status: 'succeeded', stage: 'done', report: { applied: 4, failures: [], heldRemovals: [], contactsSynced: true, collections } });
    const expected = {
      en: ['Calendar: 3 changes in Outlook, 1 in the ERP', 'To Do: 5 changes in Outlook, 0 in the ERP', 'Calendar items that failed: 2'],
      es: ['Calendario: 3 cambios en Outlook, 1 en el ERP', 'To Do: 5 cambios en Outlook, 0 en el ERP', 'Elementos del calendario con error: 2'],
      fr: ['Calendrier : 3 changements dans Outlook, 1 dans l’ERP', 'To Do : 5 changements dans Outlook, 0 dans l’ERP', 'Éléments du calendrier en échec : 2'],
    } as const;
    for (const language of ['en', 'es', 'fr'] as const) {
      const panel = await renderRun(createFakeSync({ runs: [run] }), language);
      for (const text of expected[language]) expect(await within(panel).findByText(text)).toBeInTheDocument();
      cleanup();
    }
  });

  it('says which collection stopped and why, and leaves out the contact count of a run without contacts', async () => {
    const collections = { events: { outcome: 'failed', quiet: false, applied: {}, failedOperations: 0, failure: { code: 'forbidden', message: 'no calendar access' } } };
    const run = aRun({ status: 'failed', stage: 'failed', report: { applied: 0, failures: [], heldRemovals: [], contactsSynced: false, collections, failure: { code: 'forbidden', message: 'no calendar access' } } });
    const panel = await renderRun(createFakeSync({ runs: [run] }));
    expect(await within(panel).findByText(/^Calendar sync stopped: /)).toBeInTheDocument();
    expect(within(panel).queryByText(/^Changes made:/)).not.toBeInTheDocument();
    expect(within(panel).queryByText(/^To Do:/)).not.toBeInTheDocument();
  });

  it('says why a run stopped', async () => {
    const run = aRun({ status: 'failed', stage: 'failed', report: { applied: 0, failures: [], heldRemovals: [], failure: { code: 'erp_unavailable', message: 'connection refused' } } });
    const panel = await renderRun(createFakeSync({ runs: [run] }));
    expect(await within(panel).findByText(/^Last run: failed/)).toBeInTheDocument();
    expect(within(panel).getByText('The run stopped: the ERP did not answer')).toBeInTheDocument();
    expect(within(panel).getByText('connection refused')).toBeInTheDocument();
  });

  it('asks before removals the run held back, then lets them through', async () => {
    const held = aRun({ status: 'waiting_confirmation', stage: 'waiting_confirmation', report: { applied: 0, failures: [], heldRemovals: ['1', '2', '3'] } });
    const sync = createFakeSync({ runs: [held] });
    const panel = await renderRun(sync);
    expect(await within(panel).findByText('The run held back 3 removals from Outlook. Check your ERP, then confirm.')).toBeInTheDocument();

    await userEvent.click(within(panel).getByRole('button', { name: 'Remove them and sync' }));

    expect(await within(panel).findByText('Done · 3 of 3')).toBeInTheDocument();
    expect(sync.started).toEqual([{ confirmRemovals: true }]);
  });

  it('follows a run already going when the view opens', async () => {
    const sync = createFakeSync({
      runs: [aRun({ id: 'run-busy', status: 'running', stage: 'listing-outlook', done: 0, total: 0, finishedAt: undefined })],
      runSteps: [{ ...aRun(), status: 'succeeded', stage: 'done', done: 2, total: 2 }],
    });
    const panel = await renderRun(sync);
    expect(await within(panel).findByText('Done · 2 of 2')).toBeInTheDocument();
    expect(sync.started).toEqual([]);
  });

  it.each([
    ['forbidden', 403, 'Sync is not activated for your organization yet: an admin turns it on in the Admin view.'],
    ['unavailable', 503, 'Sync is not available on this bridge right now.'],
    ['auth_required', 401, 'Sign in to see ERP data.'],
  ] as const)('says why it could not start (%s) and tries again on request', async (code, status, message) => {
    const sync = createFakeSync();
    sync.fail('startRun', new BridgeError(code, `bridge says ${code}`, status));
    const panel = await renderRun(sync);
    await userEvent.click(await within(panel).findByRole('button', { name: 'Sync now' }));

    const alert = await within(panel).findByRole('alert');
    expect(within(alert).getByText(message)).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Sync now' })).toBeEnabled();
  });

  it('says why the last run could not be read', async () => {
    const sync = createFakeSync();
    sync.fail('runs', new BridgeError('internal', 'store down', 500));
    const panel = await renderRun(sync);
    expect(await within(panel).findByRole('alert')).toHaveTextContent('Something went wrong in the ERP bridge.');
  });

  it('reads conflicts again once a run has finished', async () => {
    const sync = createFakeSync();
    const panel = await renderRun(sync);
    expect(await screen.findByText('No conflicts to resolve.')).toBeInTheDocument();
    sync.store.conflicts = [{ id: 'k-1', entity: 'contact', erpId: 'C-9', field: 'jobTitle', erpValue: 'CEO', outlookValue: 'Jefe', createdAt: '2026-03-02T09:00:00Z' }];

    await userEvent.click(within(panel).getByRole('button', { name: 'Sync now' }));

    expect(await screen.findByText('Contact C-9: job title')).toBeInTheDocument();
  });
});
