// `npm run test:browser`: journeys in headless Chromium (Debian's package; see .ci/run).
const { base, withDatabase } = require('./jest.preset');

module.exports = {
  ...base,
  ...withDatabase,
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
};
