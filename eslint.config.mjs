// @ts-check
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Dependency direction (docs/architecture/README.md): kernel <- core <- foundation(identity, storage, ledger) <- catalog
// <- feature(licensing) <- lineage(templates: sold through licensing, read by search and commerce) <- discovery(search)
// <- commerce <- apps. Upward effects are events or ports registered from above (licensable subjects).
const layers = {
  'type:kernel': ['type:kernel'],
  'type:migrations': [],
  // The web client's design system (libs/web/ui): React components on React Aria, nothing of the server; the
  // kernel's browser entry only (money is formatted as the API formats it).
  'type:ui': ['type:ui', 'type:kernel'],
  'type:core': ['type:kernel', 'type:core'],
  'type:foundation': ['type:kernel', 'type:core'],
  'type:catalog': ['type:kernel', 'type:core', 'type:foundation'],
  'type:feature': ['type:kernel', 'type:core', 'type:foundation', 'type:catalog'],
  'type:lineage': ['type:kernel', 'type:core', 'type:foundation', 'type:catalog', 'type:feature'],
  // Search (later community, moderation): read across the catalog and the features below commerce.
  'type:discovery': ['type:kernel', 'type:core', 'type:foundation', 'type:catalog', 'type:feature', 'type:lineage'],
  'type:commerce': [
    'type:kernel',
    'type:core',
    'type:foundation',
    'type:catalog',
    'type:feature',
    'type:lineage',
    'type:discovery',
  ],
  'type:app': [
    'type:ui',
    'type:migrations',
    'type:kernel',
    'type:core',
    'type:foundation',
    'type:catalog',
    'type:feature',
    'type:lineage',
    'type:discovery',
    'type:commerce',
  ],
  'type:e2e': [
    'type:app',
    'type:testing',
    'type:migrations',
    'type:kernel',
    'type:core',
    'type:foundation',
    'type:catalog',
    'type:feature',
    'type:lineage',
    'type:discovery',
    'type:commerce',
  ],
  'type:testing': [
    'type:migrations',
    'type:kernel',
    'type:core',
    'type:foundation',
    'type:catalog',
    'type:feature',
    'type:lineage',
    'type:discovery',
    'type:commerce',
  ],
};
const scopes = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
];
const constraints = (extra = []) => [
  ...Object.entries(layers).map(([sourceTag, allowed]) => ({
    sourceTag,
    onlyDependOnLibsWithTags: [...allowed, ...extra],
  })),
  ...scopes,
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '.nx/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      '**/vite.config.mts',
      'apps/web/src/gql/**',
    ],
  },
  ...nx.configs['flat/base'],
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: constraints() },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      // Testing-only entry points (job handlers tests drive by hand) are for tests, never production code.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@lookbook/*/testing'], message: 'Testing-only entry points are for tests.' }] },
      ],
    },
  },
  {
    // Specs may also use the testing lib (harness, factories, fake clock) and the migration timeline; so may the SQL
    // snapshot cases (libs/server/<domain>/sql/cases.ts), which only the snapshot check runs.
    files: [
      'libs/server/*/sql/**/*.ts',
      '**/*.spec.ts',
      '**/*.spec.tsx',
      'apps/web/test/**/*.tsx',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/*.conformance-spec.ts',
      '**/*.behaviour-spec.ts',
      'test/**/*.ts',
    ],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: ['@lookbook/api', '@lookbook/worker', '@lookbook/demo'],
          depConstraints: constraints(['type:testing', 'type:migrations']),
        },
      ],
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
      'no-restricted-imports': 'off',
    },
  },
  {
    // The API's bootstrap (@lookbook/api) may be imported by the tools (schema generation) and the e2e suite only.
    files: ['tools/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: ['@lookbook/api'], depConstraints: constraints() },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}', 'apps/web/test/**/*.{ts,tsx}', 'libs/web/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: false, project: './apps/web/tsconfig.spec.json' } },
  },
  prettier,
);
