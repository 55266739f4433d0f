// ESLint flat config: typescript-eslint's recommended rules plus the house rules on imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const forgeRuntime = ['@forge/api', '@forge/kvs'];
const nodeIo = ['fs', 'fs/promises', 'http', 'https', 'net', 'child_process', 'os', 'path', 'process', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', 'static/build/', 'bench/.build/', 'artifacts/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@forge/ui', message: 'UI Kit 1 was removed by Atlassian in 2025: use Custom UI in static/.' },
            ...forgeRuntime.map((name) => ({ name, message: 'Only src/forge/ (the Forge adapters) may import the Forge runtime.' })),
            { name: '@forge/bridge', message: 'Only the Custom UI in static/ talks to the bridge.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@forge/*'], message: 'The domain is pure: no Forge.' },
            { group: ['node:*', ...nodeIo], message: 'The domain is pure: no I/O.' },
            { group: ['../*'], message: 'The domain imports only itself (and date-fns, zod).' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The domain never reads the clock: take the time as a parameter.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain never reads the clock: take the time as a parameter.' },
      ],
    },
  },
  {
    // The Custom UI: the bridge is its only way out; the Forge runtime and resolver never load here.
    files: ['static/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@forge/ui', message: 'UI Kit 1 was removed.' }, ...forgeRuntime.map((name) => ({ name, message: 'The browser cannot use the Forge runtime.' })), { name: '@forge/resolver', message: 'Resolvers run on the backend.' }] },
      ],
    },
  },
  {
    files: ['src/forge/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@forge/ui', message: 'UI Kit 1 was removed.' }, { name: '@forge/bridge', message: 'Backend code cannot use the bridge.' }] }],
    },
  },
  {
    files: ['**/*.cjs', 'jest.config.js', 'jest.e2e.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
