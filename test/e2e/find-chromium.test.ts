import { describe, expect, it } from 'vitest';
import { missingChromiumReason } from './support/find-chromium';

const nowhere = '/nonexistent/chromium';

describe('the end-to-end tests without Chromium', () => {
  it.each(['true', '1', 'yes'])('fail on CI (CI=%s): a CI machine must not pass without running them', (ci) => {
    expect(() => missingChromiumReason(nowhere, { CI: ci })).toThrow(`The end-to-end tests must run on CI, but there is no Chromium at ${nowhere}`);
  });

  it.each([undefined, '', '0', 'false', 'FALSE'])('are skipped with the reason elsewhere (CI=%s)', (ci) => {
    expect(missingChromiumReason(nowhere, ci === undefined ? {} : { CI: ci })).toBe(`no Chromium at ${nowhere}: install it (sudo apt-get install chromium) or set CHROMIUM_PATH`);
  });

  it('run when the browser is there, on CI or not', () => {
    expect(missingChromiumReason(process.execPath, { CI: 'true' })).toBeUndefined();
  });
});
