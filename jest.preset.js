// Shared jest settings. Integration, e2e and browser tests share one embedded PostgreSQL started in globalSetup;
// every test file gets its own database cloned from a migrated template (libs/server/testing).
const { readFileSync } = require('node:fs');
const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const { compilerOptions } = JSON.parse(readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8'));

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias}$`,
    `<rootDir>/${target.replace(/^\.\//, '')}`,
  ]),
);

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swc, swcrc: false }] },
  // ESM-only packages: Node 20.19+ loads them natively via require(esm), but Jest's registry needs them compiled.
  transformIgnorePatterns: ['/node_modules/(?!(jose|content-disposition)/)'],
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  setupFiles: ['<rootDir>/libs/server/testing/src/lib/jest-per-file-globals.ts'],
};

const withDatabase = {
  globalSetup: '<rootDir>/libs/server/testing/src/lib/global-setup.ts',
  globalTeardown: '<rootDir>/libs/server/testing/src/lib/global-teardown.ts',
};

module.exports = { base, withDatabase };
