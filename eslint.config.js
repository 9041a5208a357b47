import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, chrome: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The rules module is pure: it must run in the worker, the panel, Node and tests alike.
    files: ['src/rules/**/*.ts', 'src/model/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'chrome', message: 'src/rules is pure: no chrome.* here.' },
        { name: 'browser', message: 'src/rules is pure: no extension APIs here.' },
        { name: 'document', message: 'src/rules is pure: no DOM here.' },
        { name: 'window', message: 'src/rules is pure: no DOM here.' },
        { name: 'fetch', message: 'src/rules is pure: no I/O here.' },
        { name: 'XMLHttpRequest', message: 'src/rules is pure: no I/O here.' },
        { name: 'localStorage', message: 'src/rules is pure: no I/O here.' },
        { name: 'process', message: 'src/rules is pure: no Node globals here.' },
      ],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'fs', 'path', 'http', 'https', 'child_process', 'webextension-polyfill', 'preact', 'preact/*'], message: 'src/rules is pure: no I/O, DOM or extension imports.' },
        { group: ['../capture/*', '../panel/*', '../devtools/*', '../cli/*', '../har/*', '../report/*', '../messaging/*'], message: 'src/rules must not depend on presentation or capture code.' },
      ] }],
    },
  },
);
