import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const msalModules = fileURLToPath(new URL('node_modules/@azure/msal-browser/dist/', import.meta.url));

export default defineConfig({
  // MSAL's nested app authentication without its standard client (src/auth/load-naa-client.ts);
  // tsconfig.json and webpack.config.js map the same name.
  resolve: { alias: [{ find: /^msal-browser-internals\/(.*)$/, replacement: `${msalModules}$1.mjs` }] },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/mark-cancelled-animations-handled.ts', 'test/support/seed-property-tests.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A poll waits for the state it names; a busy machine must not turn vitest's default second into a failure.
    expect: { poll: { timeout: 20_000 } },
    pool: 'forks',
    // CI reads this report to print its one-line summary.
    reporters: process.env.VITEST_JSON_REPORT ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON_REPORT ? { json: process.env.VITEST_JSON_REPORT } : {},
  },
});
