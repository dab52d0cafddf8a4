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
  transformIgnorePatterns: ['/node_modules/(?!(jose|content-disposition|meilisearch)/)'],
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  setupFiles: ['<rootDir>/libs/server/testing/src/lib/jest-per-file-globals.ts'],
};

const withDatabase = {
  globalSetup: '<rootDir>/libs/server/testing/src/lib/global-setup.ts',
  globalTeardown: '<rootDir>/libs/server/testing/src/lib/global-teardown.ts',
};

// The web client in jsdom: TSX through SWC with React's automatic runtime, the web aliases, CSS stubbed, and the
// ESM-only packages compiled for Jest's registry.
const web = {
  rootDir: __dirname,
  testEnvironment: '<rootDir>/apps/web/test/jsdom-environment.js',
  testMatch: ['<rootDir>/{apps/web,libs/web}/**/*.spec.{ts,tsx}'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose|@uppy|nanoid|@tanstack|zod|preact|hash-wasm|@transloadit)/)'],
  moduleNameMapper: {
    '^@lookbook/web-ui$': '<rootDir>/libs/web/ui/src/index.ts',
    '^@lookbook/kernel/browser$': '<rootDir>/libs/shared/kernel/src/browser.ts',
    '\\.css$': '<rootDir>/apps/web/test/style-stub.js',
    // ESM-only with an `import`-only export map, which Jest's require cannot resolve.
    '^@transloadit/prettier-bytes$': '<rootDir>/node_modules/@transloadit/prettier-bytes/dist/prettierBytes.js',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFilesAfterEnv: ['<rootDir>/apps/web/test/setup.ts'],
};

module.exports = { base, withDatabase, web };
