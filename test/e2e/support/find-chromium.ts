import { existsSync } from 'node:fs';

/** Where the tests look for the system's Chromium; `npm test` installs Debian's (its pretest). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Undefined when the end-to-end tests can run; otherwise why not. On CI a missing browser is an
 * error, not a reason to skip: the pretest step installs it there.
 */
export function missingChromiumReason(path: string = chromiumPath, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (existsSync(path)) return undefined;
  const reason = `no Chromium at ${path}: install it (sudo apt-get install chromium) or set CHROMIUM_PATH`;
  const onCi = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
  if (onCi) throw new Error(`The end-to-end tests must run on CI, but there is ${reason}`);
  return reason;
}
