import { beforeAll, describe, expect, it } from 'vitest';
import { budgetBytes, buildAndMeasureTaskpane, type TaskpaneBundleFigure } from '../../../scripts/bundle/measure-taskpane-bundle';

describe('the production taskpane bundle', () => {
  let figure: TaskpaneBundleFigure;
  beforeAll(() => {
    figure = buildAndMeasureTaskpane();
  }, 180_000);

  it('loads at most 240 KB of gzipped JavaScript before the sender’s card, MSAL included', () => {
    expect(figure.withMsalBytes).toBeLessThanOrEqual(budgetBytes);
  });

  it('keeps MSAL, forms, search, compose, settings and admin out of the entry chunk', () => {
    expect(figure.entry.map((chunk) => chunk.file)).toEqual([expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/)]);
    expect(figure.msal.map((chunk) => chunk.file)).toEqual([expect.stringMatching(/^msal\./)]);
    const later = figure.later.map((chunk) => chunk.file).join(' ');
    for (const name of ['forms', 'search', 'compose', 'settings', 'admin']) expect(later).toContain(`${name}.`);
  });
});
