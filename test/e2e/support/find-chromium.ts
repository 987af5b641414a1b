import { existsSync } from 'node:fs';

/** Where the tests look for the system's Chromium; `npm test` installs Debian's (its pretest). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Undefined when the end-to-end tests can run; otherwise why not. On CI a missing browser is an
 * error, not a reason to skip: the pretest step installs it there.
 */
export function missingChromiumReason(): string | undefined {
  if (existsSync(chromiumPath)) return undefined;
  const reason = `no Chromium at ${chromiumPath}: install it (sudo apt-get install chromium) or set CHROMIUM_PATH`;
  const onCi = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());
  if (onCi) throw new Error(`The end-to-end tests must run on CI, but there is ${reason}`);
  return reason;
}
