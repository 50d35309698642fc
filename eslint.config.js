// Lint: typescript-eslint's recommended rules, jest's guards against focused tests and
// un-awaited expectations, the purity rule of libs/scoring and libs/notice (no Nest, TypeORM or
// I/O), the server's one time source (the Clock), and the DataSource kept to repositories.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const jestPlugin = require('eslint-plugin-jest');
const pluginVue = require('eslint-plugin-vue');

// The apps talk to each other through HTTP and the libs only (#13 point 2): no import reaches
// into another app, and no lib imports an app. The rule sees import paths, not resolved files:
// 'apps/<app>' anywhere in a path, or a relative path that climbs into the sibling app. (The
// web app reaches its own api folder as @/api/….) test/eslint-boundaries.spec.ts shows it bites.
const CROSS_APP = {
  web: { regex: '(^|/)apps/api(/|$)|^(\\.\\./)+api(/|$)', message: 'apps/web talks to the server through HTTP and the libs (@app/contracts, @app/notice…), never apps/api.' },
  api: { regex: '(^|/)apps/web(/|$)|^(\\.\\./)+web(/|$)', message: 'apps/api does not import the web app.' },
  libs: { regex: '(^|/)apps(/|$)', message: 'libs/ are shared by the apps and import none of them.' },
};

module.exports = tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', 'test-artifacts/**', 'bench-results/**', '**/migrations/**'] },
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
    // Type-aware promise rules: a promise nobody awaits or catches fails silently (a recompute
    // that never ran, an unhandled rejection that ends the process). One program for the
    // server, the libs and the tests (tsconfig.json) keeps the type-checked pass to one build.
    files: ['apps/api/**/*.ts', 'libs/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // The web app: Vue's recommended rules (essential + strongly-recommended + recommended, as
  // errors) on .vue files, <script lang="ts"> parsed by typescript-eslint.
  ...pluginVue.configs['flat/recommended-error'].map((c) => ({ ...c, files: c.files ? ['apps/web/**/*.vue'] : ['apps/web/**/*.{ts,vue}'] })),
  {
    files: ['apps/web/**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' } },
    rules: {
      // As for .ts files (typescript-eslint's eslint-recommended): vue-tsc checks that names exist.
      'no-undef': 'off',
      // A 全角空格 (U+3000) in Chinese text is typography (附件、署名 spacing), not a stray
      // character; irregular whitespace in code and attributes is still an error.
      'no-irregular-whitespace': 'off',
      'vue/no-irregular-whitespace': ['error', { skipHTMLTextContents: true }],
      // Line layout of templates: the templates keep short elements on one line; rewrapping
      // ~4,600 places would churn every page for no behaviour.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/html-indent': 'off',
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
    plugins: { jest: jestPlugin },
    rules: {
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/valid-expect': ['error', { alwaysAwait: true }],
      'jest/no-standalone-expect': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'request.**.expect'] }],
    },
  },
  { files: ['apps/web/**/*.{ts,vue}'], rules: { 'no-restricted-imports': ['error', { patterns: [CROSS_APP.web] }] } },
  { files: ['apps/api/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [CROSS_APP.api] }] } },
  {
    // Features own their tables (#13 point 4): services hold the rules and open transactions
    // through UnitOfWork; only repositories (and the database layer itself) hold the DataSource.
    // test/lint/datasource-boundary.spec.ts shows it bites.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['**/*.repository.ts', 'apps/api/src/database/**', 'apps/api/src/app.module.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [CROSS_APP.api],
        paths: [
          { name: 'typeorm', importNames: ['DataSource'], message: 'Only *.repository.ts and database/ hold the DataSource: put the query in the feature\'s repository, open transactions with UnitOfWork.' },
          { name: '@nestjs/typeorm', importNames: ['InjectDataSource'], message: 'Only *.repository.ts and database/ inject the DataSource: put the query in the feature\'s repository, open transactions with UnitOfWork.' },
        ],
      }],
    },
  },
  { files: ['libs/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [CROSS_APP.libs] }] } },
  {
    files: ['libs/scoring/**/*.ts', 'libs/notice/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          CROSS_APP.libs,
          { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'mysql2', 'better-sqlite3', 'bull', 'ioredis', 'express'], message: 'libs/scoring and libs/notice are pure: no Nest, TypeORM, database, queue or HTTP imports.' },
          { group: ['fs', 'node:*', 'path', 'http', 'https', 'child_process', 'net'], message: 'libs/scoring and libs/notice are pure: no I/O (they also run in the browser).' },
        ],
      }],
    },
  },
  {
    // The notice is a function of its data alone: the same snapshot must give the same document.
    files: ['libs/notice/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'libs/notice is pure: take dates from the notice data, not the clock.' },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'libs/notice is pure: take dates from the notice data, not the clock.' },
      ],
    },
  },
  {
    // Specs may read fixtures from disk; they still import no app.
    files: ['libs/scoring/**/*.spec.ts', 'libs/notice/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CROSS_APP.libs] }] },
  },
  {
    // Server code reads the time through the injected Clock, so tests can pin it (common/clock.ts).
    files: ['apps/api/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'apps/api/src/common/clock.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the injected Clock (clock.now()), or systemNow() outside the Nest container: common/clock.ts.' },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'Use the injected Clock (clock.now().getTime()), or systemNow() outside the Nest container: common/clock.ts.' },
      ],
    },
  },
  {
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [CROSS_APP.libs, { group: ['@nestjs/*', 'typeorm', 'class-validator', 'class-transformer', 'bull', 'fs', 'node:*'], message: 'libs/contracts is shared with the browser: plain types and constants only.' }] }],
    },
  },
);
