import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL documents for the web client, from the committed API schema. `npm run codegen` writes src/gql;
 * `npm run codegen:check` (in lint and CI) fails when a document or the schema changed without regenerating.
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**', '!apps/web/src/**/*.spec.{ts,tsx}'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'readFragment' } },
      config: {
        // Documents as strings (sent as they are) instead of parsed ASTs: smaller bundles, no graphql-js in the browser.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        scalars: { UUID: 'string', DateTime: 'string', SafeInt: 'number' },
      },
    },
  },
};

export default config;
