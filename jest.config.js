// Three tiers (CONVENTIONS.md #10): unit specs beside the code, API e2e over HTTP against a
// real database, and browser tests of the console in Debian's Chromium.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const shared = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // Nest 12 and a few other packages ship as pure ES modules; Jest's own module loader
  // needs them turned into CommonJS (Node itself loads them through require(esm)).
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|nest-commander|uid|jose|openid-client|oauth4webapi)/)'],
  moduleNameMapper: { '^@otklik/shared/(.*)$': '<rootDir>/shared/$1' },
  testEnvironment: 'node',
};
// Multi-process tests: the ones named *-cluster share one PostgreSQL and Redis among several
// processes, so they need DATABASE_URL and REDIS_URL; the others run in both modes.
const clustered = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
module.exports = {
  // A global option in Jest (not per project): e2e and browser tests talk to a real server.
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/backend/src/**/*.spec.ts', '<rootDir>/shared/**/*.spec.ts', '<rootDir>/test/lint/**/*.spec.ts'],
    },
    {
      ...shared,
      // Services against a real, migrated PostgreSQL (DATABASE_URL's server, or an embedded one per file).
      displayName: 'service',
      testMatch: ['<rootDir>/test/service/**/*.service-test.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'fault',
      // Each test starts its own API (and worker) processes on its own data.
      testMatch: ['<rootDir>/test/fault/**/*.test.ts'],
      testPathIgnorePatterns: clustered ? ['/node_modules/'] : ['/node_modules/', '-cluster\\.test\\.ts$'],
    },
  ],
};
