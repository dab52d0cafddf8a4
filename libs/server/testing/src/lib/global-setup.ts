import './register-source-paths';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, startEmbeddedPostgres } from '@lookbook/core';
import { MIGRATIONS } from '@lookbook/migrations';
import { startEmbeddedS3 } from '@lookbook/storage';
import { freePort } from './free-port';
import { TEMPLATE_DATABASE } from './test-database';
import { TEST_BUCKETS } from './test-storage';

/**
 * Once per `npm test`: one throwaway embedded PostgreSQL (fsync off) and a migrated template database. Test files
 * clone the template (CREATE DATABASE … TEMPLATE), so each gets a fresh, fully migrated database in milliseconds.
 * globalTeardown stops both servers and removes their folder; `tools/test.js` does the same if jest never gets there.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['LOOKBOOK_TEST_DATABASE_ADMIN_URL']) return; // nested run or external server
  const port = await freePort();
  const parent = mkdtempSync(join(tmpdir(), 'lookbook-test-'));
  chmodSync(parent, 0o755); // the server runs as the `postgres` user when we are root: it must reach its directory
  const server = await startEmbeddedPostgres({
    dataDir: join(parent, 'pg'),
    port,
    database: TEMPLATE_DATABASE,
    persistent: false,
  });
  await migrateDatabase(server.url, MIGRATIONS);
  process.env['LOOKBOOK_TEST_DATABASE_ADMIN_URL'] = server.urlFor('postgres');
  // One S3-compatible server per run too; test files use their own keys (ids), so sharing buckets is safe.
  const s3 = await startEmbeddedS3({
    directory: join(parent, 's3'),
    port: 0,
    buckets: [TEST_BUCKETS.weights, TEST_BUCKETS.media],
  });
  process.env['LOOKBOOK_TEST_S3_ENDPOINT'] = s3.endpoint;
  (globalThis as { __lookbookServers?: { stop(): Promise<void> }[] }).__lookbookServers = [
    s3,
    server,
    { stop: () => Promise.resolve(rmSync(parent, { recursive: true, force: true, maxRetries: 3 })) },
  ];
}
