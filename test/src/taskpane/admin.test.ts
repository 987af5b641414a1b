// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../src/erp/bridge-error';
import { AdminView } from '../../../src/taskpane/AdminView/AdminView';
import { createFakeBridge } from './support/fake-bridge';
import { anEnvironment, appId, createFakeSync, type FakeSync } from './support/fake-sync';
import { createTestServices, renderWithServices } from './support/render-taskpane';

afterEach(cleanup);

const inigo = { tenantId: 't', objectId: 'o-inigo', email: 'inigo@contoso.example', displayName: 'Íñigo Urrutia', lastSeenAt: '2026-03-02T08:00:00Z' };

function renderAdmin(sync: FakeSync = createFakeSync(), language: 'en' | 'es' = 'en') {
  const bridge = createFakeBridge({ isAdmin: true, users: [{ ...inigo, firstSeenAt: '2026-03-01T08:00:00Z', erpUserIdOverride: '2' }] });
  renderWithServices(createElement(AdminView), createTestServices({ bridge, sync }), language);
  return sync;
}

describe('activating sync', () => {
  it('turns sync on with the App ID of the environment’s registration', async () => {
    const sync = renderAdmin();
    expect(screen.getByRole('progressbar', { name: 'Loading the environment' })).toBeInTheDocument();
    expect(await screen.findByText('Sync is off.')).toBeInTheDocument();
    expect(screen.getByText('Each user signs in once, and sync acts for them (delegated).')).toBeInTheDocument();
    const activate = screen.getByRole('button', { name: 'Turn sync on' });
    expect(activate).toBeDisabled();

    await userEvent.type(screen.getByRole('textbox', { name: /App ID of the app registration/ }), appId);
    await userEvent.click(activate);

    expect(await screen.findByText('Sync is on.')).toBeInTheDocument();
    expect(sync.store.environment.activation.syncActivated).toBe(true);
    expect(screen.getByText(/^Changed by lucia@contoso\.example/)).toBeInTheDocument();
  });

  it('refuses an App ID that is not the environment’s, and says so', async () => {
    renderAdmin();
    await userEvent.type(await screen.findByRole('textbox', { name: /App ID of the app registration/ }), '00000000-0000-4000-8000-000000000000');
    await userEvent.click(screen.getByRole('button', { name: 'Turn sync on' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('This App ID is not the app registration of this environment.')).toBeInTheDocument();
    expect(within(alert).getByText(/the bridge is configured with b7e1c0de/)).toBeInTheDocument();
    expect(within(alert).getByText(/^Copy the Application \(client\) ID from the Overview page of the bridge’s app registration/)).toBeInTheDocument();
    // The same App ID would be refused again: no Retry, the form stays to correct it.
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /App ID of the app registration/ })).toHaveValue('00000000-0000-4000-8000-000000000000');
    expect(screen.getByText('Sync is off.')).toBeInTheDocument();
  });

  it('explains a wrong App ID in Spanish too', async () => {
    renderAdmin(createFakeSync(), 'es');
    await userEvent.type(await screen.findByRole('textbox', { name: /ID de aplicación del registro/ }), '00000000-0000-4000-8000-000000000000');
    await userEvent.click(screen.getByRole('button', { name: /Activar/ }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/^Copie el ID de aplicación \(cliente\)/)).toBeInTheDocument();
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
  });

  it('turns sync off without asking for the App ID again', async () => {
    const sync = renderAdmin(createFakeSync({ environment: anEnvironment({ activation: { syncActivated: true, applicationId: appId } }) }));
    await userEvent.click(await screen.findByRole('button', { name: 'Turn sync off' }));
    expect(await screen.findByText('Sync is off.')).toBeInTheDocument();
    expect(sync.store.environment.activation.syncActivated).toBe(false);
  });

  it('links to the tenant’s admin consent', async () => {
    renderAdmin();
    const link = await screen.findByRole('link', { name: 'Grant admin consent in Microsoft Entra ID' });
    expect(link).toHaveAttribute('href', anEnvironment().adminConsentUrl);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('says why the environment cannot be read', async () => {
    const sync = createFakeSync();
    sync.fail('adminEnvironment', new BridgeError('forbidden', 'only admins of this environment can do this', 403));
    renderAdmin(sync);
    const alert = (await screen.findAllByRole('alert'))[0] as HTMLElement;
    expect(within(alert).getByText('You are not allowed to do this.')).toBeInTheDocument();
    expect(within(alert).getByText('only admins of this environment can do this')).toBeInTheDocument();
  });
});

describe('per-user status', () => {
  it('lists each user with sync, folder, connection, last run, conflicts and a hand-set ERP user', async () => {
    renderAdmin(
      createFakeSync({
        statuses: [
          {
            ...inigo,
            syncEnabled: true,
            contactFolderName: 'ERP',
            connected: true,
            openConflicts: 2,
            lastRun: { id: 'r', status: 'succeeded', stage: 'done', startedAt: '2026-03-02T09:00:00Z', finishedAt: '2026-03-02T09:00:05Z' },
          },
          { tenantId: 't', objectId: 'o-lucia', email: 'lucia@contoso.example', displayName: 'Lucía Martínez', lastSeenAt: '2026-03-02T08:00:00Z', syncEnabled: false, connected: false, openConflicts: 0 },
        ],
      }),
    );
    const users = await screen.findByRole('list', { name: 'Users of this environment' });
    const [first, second] = within(users).getAllByRole('listitem');
    expect(first).toHaveTextContent('Íñigo Urrutia');
    expect(first).toHaveTextContent('Sync on, folder ERP · Connected');
    expect(first).toHaveTextContent(/Last run: done \(.+\) · Open conflicts: 2/);
    expect(first).toHaveTextContent('ERP user set by hand: 2');
    expect(second).toHaveTextContent('Sync off · Not connected');
    expect(second).toHaveTextContent('No run yet');
  });

  it('says when nobody has signed in', async () => {
    renderAdmin();
    expect(await screen.findByText('Nobody has signed in yet.')).toBeInTheDocument();
  });

  it('says why the status cannot be read', async () => {
    const sync = createFakeSync();
    sync.fail('syncStatus', new BridgeError('unavailable', 'Graph did not answer', 503));
    renderAdmin(sync);
    const users = await screen.findByRole('region', { name: 'Users of this environment' });
    expect(await within(users).findByRole('alert')).toHaveTextContent('The ERP bridge cannot be reached. Check your connection.');
  });

  it('speaks Spanish', async () => {
    renderAdmin(createFakeSync(), 'es');
    expect(await screen.findByText('La sincronización está desactivada.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Activar la sincronización' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Conceder el consentimiento en Microsoft Entra ID' })).toBeInTheDocument();
  });
});

describe('the setup check', () => {
  const report = {
    environment: 'contoso', mode: 'delegated' as const,
    checks: [
      { name: 'token-endpoint' as const, status: 'ok' as const, message: 'The token endpoint of tenant t answers.' },
      { name: 'client-secret' as const, status: 'fail' as const, message: 'The client secret has expired (AADSTS7000222).', fix: 'Add a new client secret in Entra ID.' },
      { name: 'public-url' as const, status: 'warn' as const, message: 'server.publicUrl is not set.', fix: 'Set server.publicUrl.' },
    ],
  };

  it('runs only when asked, then shows each check with its status, what was found and what to do', async () => {
    renderAdmin(createFakeSync({ doctor: report }));
    const section = await screen.findByRole('region', { name: 'Setup check' });
    expect(within(section).queryByRole('list')).not.toBeInTheDocument();

    await userEvent.click(within(section).getByRole('button', { name: 'Run the checks' }));

    expect(await within(section).findByText('Problems: 1 · Warnings: 1')).toBeInTheDocument();
    const items = within(within(section).getByRole('list')).getAllByRole('listitem');
    expect(items.map((item) => item.firstChild?.textContent)).toEqual(['OK · Microsoft Entra ID sign-in service', 'Problem · Client secret', 'Warning · Public address of the bridge']);
    expect(within(items[1] as HTMLElement).getByText('The client secret has expired (AADSTS7000222).')).toBeInTheDocument();
    expect(within(items[1] as HTMLElement).getByText('What to do: Add a new client secret in Entra ID.')).toBeInTheDocument();
  });

  it('says everything is in order when every check passes', async () => {
    renderAdmin(createFakeSync({ doctor: { ...report, checks: [report.checks[0]!] } }));
    await userEvent.click(await screen.findByRole('button', { name: 'Run the checks' }));
    expect(await screen.findByText('Everything is in order.')).toBeInTheDocument();
  });

  it('speaks Spanish', async () => {
    renderAdmin(createFakeSync({ doctor: report }), 'es');
    const section = await screen.findByRole('region', { name: 'Comprobación de la configuración' });
    await userEvent.click(within(section).getByRole('button', { name: 'Comprobar' }));
    expect(await within(section).findByText('Problemas: 1 · Avisos: 1')).toBeInTheDocument();
    expect(within(section).getByText('Problema · Secreto de cliente')).toBeInTheDocument();
  });

  it('says why the checks could not run', async () => {
    const sync = createFakeSync({ doctor: report });
    sync.fail('doctor', new BridgeError('forbidden', 'only admins of this environment can do this', 403));
    renderAdmin(sync);
    await userEvent.click(await screen.findByRole('button', { name: 'Run the checks' }));
    const section = screen.getByRole('region', { name: 'Setup check' });
    expect(within(await within(section).findByRole('alert')).getByText('You are not allowed to do this.')).toBeInTheDocument();
  });
});
