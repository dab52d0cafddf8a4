import './register-source-paths';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, startEmbeddedPostgres } from '@lookbook/core';
import { MIGRATIONS } from '@lookbook/migrations';
import { TEMPLATE_DATABASE } from './test-database';

/**
 * Once per `npm test`: one throwaway embedded PostgreSQL (fsync off) and a migrated template database. Test files
 * clone the template (CREATE DATABASE … TEMPLATE), so each gets a fresh, fully migrated database in milliseconds.
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
  (globalThis as { __lookbookPostgres?: { stop(): Promise<void> } }).__lookbookPostgres = server;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
