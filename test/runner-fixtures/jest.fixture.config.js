// A nested jest run for test/e2e/test-runner.e2e-spec.ts: the real globalSetup (embedded PostgreSQL + S3) around
// fixtures that fail, exit early or hang, to prove `tools/test.js` always cleans up.
const { base, withDatabase } = require('../../jest.preset');

module.exports = {
  ...base,
  ...withDatabase,
  testMatch: ['<rootDir>/test/runner-fixtures/*.fixture.ts'],
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
};
