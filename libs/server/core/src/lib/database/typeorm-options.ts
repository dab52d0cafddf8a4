import type { DataSourceOptions } from 'typeorm';
import { StatementCountingLogger } from './sql-statements';

export interface DatabaseConnectionOptions {
  url: string;
  poolMax: number;
  applicationName: string;
}

/** One place for connection settings, shared by the app, the worker, the migrate command and the test harness. */
export function typeormOptions(options: DatabaseConnectionOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    // Off: TypeORM would print failing queries with their parameters (emails, hashes). Errors are logged where mapped.
    logging: false,
    logger: new StatementCountingLogger(),
    applicationName: options.applicationName,
    extra: {
      max: options.poolMax,
      // Fail fast while the database is unreachable instead of queueing requests forever.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // A runaway query must not hold a connection for minutes.
      statement_timeout: 30_000,
    },
  };
}
