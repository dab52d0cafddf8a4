import 'reflect-metadata';
import { loadConfigOrExit, migrateDatabase, resolveDatabase, revertLastMigration } from '@lookbook/core';
import { MIGRATIONS } from '@lookbook/migrations';

/** `npm run migrate` (apply all) or `npm run migrate -- --revert` (undo the last one), against DATABASE_URL or the embedded server. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const database = await resolveDatabase(config, MIGRATIONS, log);
  try {
    if (process.argv.includes('--revert')) {
      await revertLastMigration(database.url, MIGRATIONS);
      log('reverted the last migration');
    } else if (!database.embedded) {
      const applied = await migrateDatabase(database.url, MIGRATIONS);
      log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
