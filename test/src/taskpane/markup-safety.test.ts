// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PersonCard } from '../../../src/taskpane/PersonCard/PersonCard';
import { aContact, anAccount, anAction } from './support/builders';
import { createFakeBridge } from './support/fake-bridge';
import { createTestServices, renderWithServices } from './support/render-taskpane';

afterEach(cleanup);

const markup = '<img src=x onerror=alert(1)>';

describe('ERP strings with markup', () => {
  it('shows them as text: no element is created from ERP data', async () => {
    const bridge = createFakeBridge({
      contacts: [aContact({ displayName: markup, jobTitle: '<b>boss</b>', businessPhone: '<script>alert(2)</script>' })],
      accounts: [anAccount({ name: '<a href="javascript:alert(3)">Acme</a>' })],
      actions: [anAction({ subject: '<iframe src="https://evil.example">' })],
    });
    const { container } = renderWithServices(createElement(PersonCard, { person: { email: 'lucia@talleres-urrutia.es' } }), createTestServices({ bridge }));

    expect(await screen.findByText('<iframe src="https://evil.example">')).toBeInTheDocument();
    expect(screen.getByText(markup)).toBeInTheDocument();
    expect(screen.getByText('<b>boss</b>')).toBeInTheDocument();
    expect(screen.getByText('<script>alert(2)</script>')).toBeInTheDocument();
    expect(screen.getByText('<a href="javascript:alert(3)">Acme</a>')).toBeInTheDocument();
    expect(container.querySelector('img, b, script, a, iframe')).toBeNull();
  });
});

describe('the browser code', () => {
  it('never writes HTML from strings', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const { join, resolve } = await import('node:path');
    // happy-dom replaces the global URL, which node:fs refuses: paths instead.
    const root = resolve(import.meta.dirname, '../../../src');
    const files = (await readdir(root, { recursive: true })).filter((file) => /^(taskpane|office|auth|erp|i18n)\/.*\.tsx?$/.test(file.replace(/\\/g, '/')));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const source = await readFile(join(root, file), 'utf8');
      expect(source, file).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});
