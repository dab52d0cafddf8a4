import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@lookbook/core';
import { CoreModule, loadConfigOrExit, resolveDatabase } from '@lookbook/core';
import { CatalogModule } from '@lookbook/catalog';
import { IdentityModule } from '@lookbook/identity';
import { MIGRATIONS } from '@lookbook/migrations';
import { SearchModule, SearchSyncService } from '@lookbook/search';
import type { S3Settings } from '@lookbook/storage';
import { StorageModule } from '@lookbook/storage';

/** The domains search reads, without the job runner. */
@Module({})
class SearchToolModule {
  static register(config: AppConfig, databaseUrl: string, storage: S3Settings): DynamicModule {
    return {
      module: SearchToolModule,
      imports: [
        CoreModule.forRoot({ config, databaseUrl, processName: 'search-tool' }),
        StorageModule.forRoot(storage),
        IdentityModule,
        CatalogModule,
        SearchModule,
      ],
    };
  }
}

const USAGE = 'usage: npm run search -- reindex | reconcile | status';

/**
 * `npm run search -- <command>`: operate the search index against the configured database.
 *   reindex    rewrite every document from the database (safe while the app runs: same per-model locks as the relay)
 *   reconcile  compare index and database, fix documents missing or left over (also runs hourly in the worker)
 *   status     the relay's backlog: pending changes, the oldest one's age, failing ones
 * On embedded defaults this starts the embedded PostgreSQL itself, so stop `npm start` first (or set DATABASE_URL).
 */
async function main(): Promise<void> {
  const command = process.argv[2];
  if (!command || !['reindex', 'reconcile', 'status'].includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const database = await resolveDatabase(config, MIGRATIONS, (line) => process.stderr.write(`${line}\n`));
  // Search never touches object storage; the module still needs settings to construct its clients.
  const storage = {
    endpoint: config.storage.endpoint ?? `http://127.0.0.1:${config.storage.embeddedPort}`,
    region: config.storage.region,
    accessKeyId: config.storage.accessKeyId ?? 'unused',
    secretAccessKey: config.storage.secretAccessKey ?? 'unused',
    forcePathStyle: config.storage.forcePathStyle,
  };
  const app = await NestFactory.createApplicationContext(SearchToolModule.register(config, database.url, storage), {
    logger: ['error', 'warn'],
  });
  try {
    const sync = app.get(SearchSyncService);
    const started = Date.now();
    if (command === 'reindex') {
      const count = await sync.reindex();
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        `reindexed ${count} documents in ${seconds.toFixed(1)} s (${Math.round(count / seconds)}/s)\n`,
      );
    } else if (command === 'reconcile') {
      const report = await sync.reconcile();
      process.stdout.write(
        `checked ${report.checked} published models: ${report.upserted} added, ${report.deleted} removed\n`,
      );
    } else {
      process.stdout.write(`${JSON.stringify(await sync.status())}\n`);
    }
  } finally {
    await app.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`search command failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
