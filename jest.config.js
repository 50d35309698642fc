// One jest config, four projects: `unit` (specs beside the source, no I/O), `medium` (the
// real feature modules and services on a real database, no HTTP; test/medium), `e2e` (real
// HTTP against a real database) and `reliability` (e2e cases that kill or restart servers and
// processes, slow by nature: test/reliability). All but unit share test/setup: the throwaway
// MariaDB and Redis, and the template databases migrated once per run. Both use swc: Nest 12 ships ESM, and
// swc is the transform that turns Nest's own files into CommonJS (shared/STACK-NOTES.md).
const swc = ['@swc/jest', {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
}];

const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  moduleNameMapper: {
    '^@app/scoring(|/.*)$': '<rootDir>/libs/scoring/src$1',
    '^@app/contracts(|/.*)$': '<rootDir>/libs/contracts/src$1',
    '^@app/notice(|/.*)$': '<rootDir>/libs/notice/src$1',
  },
  testEnvironment: 'node',
};

module.exports = {
  // Per-project testTimeout is ignored by jest; e2e hooks start real apps and servers.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/apps/web/src/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/lint/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'medium',
      testMatch: ['<rootDir>/test/medium/**/*.medium-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'reliability',
      testMatch: ['<rootDir>/test/reliability/**/*.reliability-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
