// `npm test`: unit specs beside the code, and integration + e2e specs against a real PostgreSQL.
const { base, withDatabase, web } = require('./jest.preset');

module.exports = {
  testTimeout: 60000, // a global option: per-project values are ignored
  // Test files run one at a time in a worker process that is replaced once it holds more than this after a file: each
  // file's module graph (Nest, TypeORM and GraphQL metadata) is never fully released, and in band a full run grew past
  // Node's default heap. With a limit set, jest uses a worker even on one core.
  workerIdleMemoryLimit: '1536MB',
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts', '<rootDir>/{apps,libs}/**/*.conformance-spec.ts'],
      // The web client's specs run in the `web` project (jsdom).
      testPathIgnorePatterns: [...base.testPathIgnorePatterns, '<rootDir>/apps/web/', '<rootDir>/libs/web/'],
    },
    {
      ...base,
      ...withDatabase,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/test/e2e/**/*.e2e-spec.ts'],
    },
    // Component tests for the web client (forms, upload list, verification page) in jsdom.
    { ...web, displayName: 'web' },
  ],
};
