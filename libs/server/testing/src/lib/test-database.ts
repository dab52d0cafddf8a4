import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDatabaseIfMissing } from '@lookbook/core';

export const TEMPLATE_DATABASE = 'lookbook_template';

export interface TestDatabase {
  url: string;
  name: string;
  /** Runs SQL as the test's own superuser connection (assertions on stored state). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env['LOOKBOOK_TEST_DATABASE_ADMIN_URL'];
  if (!url) throw new Error('No test database server: run tests through jest (globalSetup starts one).');
  return url;
}

/** A fresh database cloned from the migrated template: call once per test file (beforeAll). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = adminUrl();
  await createDatabaseIfMissing(admin, name, TEMPLATE_DATABASE);
  const url = admin.replace(/\/postgres$/, `/${name}`);
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined); // the server stopping at the end of the run is not a test failure
  await client.connect();
  return {
    url,
    name,
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    drop: async () => {
      await client.end();
      const dropper = new Client({ connectionString: admin });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
