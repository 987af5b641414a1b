import { beforeAll, describe, expect, it } from 'vitest';
import { brotliBudgetBytes, budgetBytes, buildAndMeasureTaskpane, type TaskpaneBundleFigure } from '../../../scripts/bundle/measure-taskpane-bundle';

describe('the production taskpane bundle', () => {
  let figure: TaskpaneBundleFigure;
  beforeAll(() => {
    figure = buildAndMeasureTaskpane();
  }, 180_000);

  it('loads at most 240 KB of gzipped JavaScript before the sender’s card, MSAL and the Spanish or French strings included', () => {
    expect(figure.locales.map((chunk) => chunk.file).sort()).toEqual([expect.stringMatching(/^strings-es\./), expect.stringMatching(/^strings-fr\./)]);
    expect(figure.worstBytes).toBeLessThanOrEqual(budgetBytes);
  });

  it('loads at most 200 KB of JavaScript before the sender’s card from the brotli copies the build writes, MSAL and strings included', () => {
    expect(figure.worstBrotliBytes).toBeLessThanOrEqual(brotliBudgetBytes);
    for (const chunk of [...figure.entry, ...figure.msal, ...figure.locales, ...figure.later]) expect(chunk.brotliBytes, chunk.file).toBeLessThan(chunk.gzipBytes);
  });

  it('keeps MSAL, forms, search, compose, settings and admin out of the entry chunk', () => {
    expect(figure.entry.map((chunk) => chunk.file)).toEqual([expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/)]);
    expect(figure.msal.map((chunk) => chunk.file)).toEqual([expect.stringMatching(/^msal\./)]);
    const later = figure.later.map((chunk) => chunk.file).join(' ');
    for (const name of ['forms', 'search', 'compose', 'settings', 'admin']) expect(later).toContain(`${name}.`);
  });
});
