import type { RuleId } from './rule';

/**
 * The reviewed exceptions to the house rules (docs/architecture/README.md, "House rules"). Two lists:
 *
 * - `SQL_PLACES`: where SQL may live besides repositories, by design. A place that no longer touches SQL fails lint.
 * - `ALLOW_LIST`: known violations, per rule and file, each with its reason. It only shrinks: an entry whose file now
 *   conforms, or no longer exists, fails lint until it is removed. Adding one needs a review and a real reason;
 *   "being refactored: <area>" marks files whose owner is bringing them under the rules now.
 */
export type AllowList = Partial<Record<RuleId, Record<string, string>>>;

/** Globs where SQL, `DataSource` and query builders may live besides `*.repository.ts`, and why. */
export const SQL_PLACES: Record<string, string> = {
  // Core database plumbing: what repositories and services stand on.
  'libs/server/core/src/lib/database/transactions.ts':
    'the one owner of DataSource.transaction(): services get an EntityManager from it and never see the DataSource',
  'libs/server/core/src/lib/database/migrate.ts': 'the migration runner: its own DataSource, run before the app starts',
  'libs/server/core/src/lib/database/readiness.ts': '/readyz probes the pool with SELECT 1',
  'libs/server/core/src/lib/database/embedded-postgres.ts':
    'the embedded server: creates databases (CREATE DATABASE … TEMPLATE) before any DataSource exists',
  'libs/server/core/src/lib/database/public-changes.ts':
    'LISTEN on a dedicated pg client for the read-path cache; TypeORM has no LISTEN',
  'libs/server/core/src/lib/database/insert-if-absent.ts':
    'a helper repositories call with their own TypeORM Repository (INSERT … ON CONFLICT DO NOTHING RETURNING)',
  'libs/server/core/src/lib/graphql/pagination.ts':
    'keyset pagination that repositories call with their own SelectQueryBuilder',
  'libs/server/core/src/lib/jobs/job-queue.ts':
    'the job queue: graphile_worker.add_job() inside the caller’s transaction, so a job is queued iff its change commits',
  // Stores and adapters that are their own repositories.
  'libs/server/ledger/src/lib/ledger.service.ts':
    'the ledger’s store: append-only double entry whose invariants are SQL (one statement per table, ON CONFLICT on ' +
    'the external reference, SELECT … FOR UPDATE on balances); it is the ledger’s repository',
  'libs/server/search/src/lib/engines/**':
    'search engine adapters: the PostgreSQL engine is SQL (full-text, trigram, facet counts) over its own documents table',
  // Not the application: tests, their harness, the migration timeline, tools and benchmarks.
  '**/*.*spec.ts': 'specs arrange and assert rows directly (unit, integration, e2e, conformance, behaviour, browser)',
  'libs/server/testing/**': 'the test harness: test databases, the repository test bed, data generators',
  'test/**': 'end-to-end and browser suites and their support (worlds, payments) set up rows directly',
  'migrations/**': 'the migration timeline is SQL by nature',
  'tools/**': 'developer tools run outside the app (demo seed, search CLI)',
  'bench/**': 'benchmarks seed and measure PostgreSQL directly',
};

export const ALLOW_LIST: AllowList = {
  'sql-outside-repositories': {},

  'repository-without-int-spec': {},

  'service-without-spec': {},

  'one-resolver-or-job-per-file': {},

  'resolver-injects-repository': {},

  'file-too-long': {},

  'web-cross-feature-import': {},
};
