// Lint: typescript-eslint's recommended rules, jest's guards against focused tests and
// un-awaited expectations, and the purity rule of libs/scoring (no Nest, TypeORM or I/O).
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const jest = require('eslint-plugin-jest');

module.exports = tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', 'test-artifacts/**', 'bench-results/**', 'apps/web/**', '**/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', __filename: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // Browser tests run in node and hand functions to the page (page.evaluate): both kinds of globals.
    files: ['test/browser/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(['document', 'window', 'atob', 'DataTransfer', 'File', 'ClipboardEvent', 'DragEvent', 'URL', 'fetch', 'Blob', 'setInterval', 'clearInterval'].map((g) => [g, 'readonly'])),
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    plugins: { jest },
    rules: {
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/valid-expect': ['error', { alwaysAwait: true }],
      'jest/no-standalone-expect': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'request.**.expect'] }],
    },
  },
  {
    files: ['libs/scoring/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'mysql2', 'better-sqlite3', 'bull', 'ioredis', 'express'], message: 'libs/scoring is pure: no Nest, TypeORM, database, queue or HTTP imports.' },
          { group: ['fs', 'node:*', 'path', 'http', 'https', 'child_process', 'net'], message: 'libs/scoring is pure: no I/O (it also runs in the browser).' },
        ],
      }],
    },
  },
  {
    files: ['libs/scoring/**/*.spec.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@nestjs/*', 'typeorm', 'class-validator', 'class-transformer', 'bull', 'fs', 'node:*'], message: 'libs/contracts is shared with the browser: plain types and constants only.' }] }],
    },
  },
);
