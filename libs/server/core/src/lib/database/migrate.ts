import { Logger, runMigrations as runWorkerMigrations } from 'graphile-worker';
import type { MigrationInterface } from 'typeorm';
import { DataSource } from 'typeorm';
import { typeormOptions } from './typeorm-options';

export type MigrationClass = new () => MigrationInterface;

/**
 * Brings a database to the latest schema: our TypeORM timeline first, then the job queue's own schema
 * (graphile-worker keeps its migrations in `graphile_worker.migrations`). Safe to run repeatedly and concurrently:
 * TypeORM takes an advisory lock per run.
 */
export async function migrateDatabase(url: string, migrations: MigrationClass[]): Promise<string[]> {
  const dataSource = new DataSource({
    ...typeormOptions({ url, poolMax: 2, applicationName: 'lookbook-migrate' }),
    migrations,
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    await runWorkerMigrations({ connectionString: url, logger: silentWorkerLogger() });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

export async function revertLastMigration(url: string, migrations: MigrationClass[]): Promise<void> {
  const dataSource = new DataSource({
    ...typeormOptions({ url, poolMax: 2, applicationName: 'lookbook-migrate' }),
    migrations,
  });
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration();
  } finally {
    await dataSource.destroy();
  }
}

function silentWorkerLogger(): Logger {
  return new Logger(() => () => undefined);
}
