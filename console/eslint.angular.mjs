// The console's lint, a fragment that the root eslint.config.mjs spreads in: the same type-aware
// rules as the backend, plus angular-eslint's component rules and its template rules (recommended
// and accessibility) over the external templates and the inline ones. Not named eslint.config.*:
// ESLint 10 looks for that from each linted file's folder up and would take it for console/'s own.
import angular from 'angular-eslint';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    files: ['console/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    languageOptions: {
      parserOptions: {
        // The app and the component tests (the spec config includes every source file).
        project: ['./console/tsconfig.spec.json'],
        tsconfigRootDir: import.meta.dirname + '/..',
      },
    },
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'ok', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'ok', style: 'camelCase' }],
      // CONVENTIONS.md #12: OnPush, signals and signal queries, inject().
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@angular-eslint/prefer-signals': 'error',
      '@angular-eslint/prefer-output-readonly': 'error',
      '@angular-eslint/use-lifecycle-interface': 'error',
      '@angular-eslint/no-async-lifecycle-method': 'error',
      '@angular-eslint/consistent-component-styles': 'error',
      '@angular-eslint/relative-url-prefix': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Validators.required and friends are static functions meant to be passed by reference.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['console/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility, tseslint.configs.disableTypeChecked],
    rules: {
      '@angular-eslint/template/no-any': 'error',
      '@angular-eslint/template/prefer-self-closing-tags': 'error',
      '@angular-eslint/template/button-has-type': 'error',
      '@angular-eslint/template/no-duplicate-attributes': 'error',
      '@angular-eslint/template/no-interpolation-in-attributes': 'error',
      '@angular-eslint/template/prefer-template-literal': 'error',
    },
  },
);
