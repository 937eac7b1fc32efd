// Lint that catches real bugs (CONVENTIONS.md #11): floating promises, exhaustive switches over
// domain enums, misused promises. Type-aware, over the backend, shared code and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import otklik from './scripts/eslint/module-boundaries.mjs';
// --- console (angular-eslint): its own fragment, see console/eslint.angular.mjs ---
import consoleConfig from './console/eslint.angular.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'scripts/**/*.d.mts', 'shared/api/schema.d.ts', '.bench/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['backend/**/*.ts', 'shared/**/*.ts', 'test/**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Entities, DB rows and test bodies are typed at the boundary; these are noise there.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['backend/**/*.ts'],
    rules: {
      // Dates are checked strictly in one place (a round trip: 2026-02-31 is refused), not by these.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsDateString', 'IsISO8601', 'IsDate'],
              message: 'Use IsCalendarDate / IsDateOrInstant from common/validation/dates.',
            },
          ],
        },
      ],
    },
  },
  {
    // Modules own their tables: see scripts/eslint/module-boundaries.mjs.
    files: ['backend/src/**/*.ts'],
    ignores: ['backend/src/**/*.spec.ts'],
    plugins: { otklik },
    rules: { 'otklik/module-boundaries': 'error' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', AbortSignal: 'readonly', FormData: 'readonly', Blob: 'readonly', performance: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  // --- console (angular-eslint): begin ---
  ...consoleConfig,
  // --- console (angular-eslint): end ---
);
