import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const browserOnly = ['**/src/taskpane/**', '**/src/office/**', '**/src/auth/**'];
const devAndTest = ['**/dev/**', '**/test/**'];

/** Import rules of DESIGN §2: each layer may import only what sits below it. */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group, message: 'This import crosses a layer boundary (DESIGN §2).' })) }] },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Plain Node scripts (the TypeScript files get these from @types/node).
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(['src/**'], [[...devAndTest, '**/server/**']]),
  layer(['src/domain/**'], [['**/sync/**', '**/graph/**', '**/server/**', '**/erp/**', ...browserOnly, ...devAndTest]]),
  layer(['src/sync/**'], [['**/graph/**', '**/server/**', '**/erp/**', ...browserOnly, ...devAndTest]]),
  layer(['src/graph/**'], [['**/server/**', '**/erp/**', ...browserOnly, ...devAndTest]]),
  layer(['server/**'], [[...browserOnly, ...devAndTest]]),
);
