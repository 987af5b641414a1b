// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErpContact } from '../../../src/domain/erp-records';
import { SearchAfterCards } from '../../../src/taskpane/PeopleSection/PeopleSection';
import { ReadView } from '../../../src/taskpane/ReadView/ReadView';
import { aMessage } from './support/builders';
import { createFakeBridge } from './support/fake-bridge';
import { createTestServices, renderWithServices } from './support/render-taskpane';

afterEach(cleanup);
// The lazy search has loaded once, so from now on a search rendered too early shows in the same
// render instead of after an import: its absence can be checked as soon as React has settled.
beforeAll(async () => {
  renderWithServices(createElement(SearchAfterCards, { settled: true }), createTestServices());
  await screen.findByRole('searchbox', { name: 'Search the ERP' });
  cleanup();
});

describe('ReadView', () => {
  it('loads the contact search only once the cards have answered, so it never delays them', async () => {
    const bridge = createFakeBridge();
    const answers: ((contacts: ErpContact[]) => void)[] = [];
    bridge.findContactsByEmail = () => new Promise((resolve) => answers.push(resolve));
    const item = aMessage({ cc: [{ email: 'jon@fabrikam.example', name: 'Jon Ander' }] });
    renderWithServices(createElement(ReadView, { item }), createTestServices({ bridge }));
    expect(answers).toHaveLength(2);

    act(() => answers[0]?.([]));
    expect(await within(screen.getByRole('region', { name: 'ERP card for Lucía Martínez García' })).findByText('Not in the ERP')).toBeInTheDocument();
    // Every update the first answer caused has rendered once act returns.
    await act(async () => {});
    expect(screen.queryByRole('searchbox', { name: 'Search the ERP' })).not.toBeInTheDocument();

    act(() => answers[1]?.([]));
    expect(await screen.findByRole('searchbox', { name: 'Search the ERP' })).toBeInTheDocument();
  });
});
