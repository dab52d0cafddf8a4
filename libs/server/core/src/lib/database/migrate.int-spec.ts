import { MIGRATIONS } from '@lookbook/migrations';
import type { TestDatabase } from '@lookbook/testing';
import { createTestDatabase } from '@lookbook/testing';
import { migrateDatabase, revertLastMigration } from './migrate';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  /** Every schema but PostgreSQL's own and the job queue's (graphile-worker migrates itself). */
  const schemas = async () =>
    (
      await db.query<{ nspname: string }>(
        `SELECT nspname FROM pg_namespace
          WHERE nspname NOT IN ('public', 'information_schema', 'graphile_worker') AND nspname NOT LIKE 'pg\\_%'
          ORDER BY 1`,
      )
    ).map((r) => r.nspname);
  /** Tables and functions outside the domain schemas: a down migration must not leave any behind either. */
  const strays = async () =>
    db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'S', 'f', 'p')
          AND c.relname <> 'migrations' AND c.relname NOT LIKE 'migrations\\_%'`,
    );

  it('is up to date on the template and idempotent', async () => {
    expect(await migrateDatabase(db.url, MIGRATIONS)).toEqual([]);
    expect(await schemas()).toEqual([
      'catalog',
      'commerce',
      'community',
      'core',
      'identity',
      'ledger',
      'licensing',
      'local_gateway',
      'notifications',
      'search',
      'templates',
    ]);
  });

  it('reverts every migration cleanly and reapplies it', async () => {
    const before = await schemas();
    for (let i = 0; i < MIGRATIONS.length; i += 1) await revertLastMigration(db.url, MIGRATIONS);
    expect(await schemas()).toEqual([]);
    expect(await strays()).toEqual([]);
    expect(await migrateDatabase(db.url, MIGRATIONS)).toHaveLength(MIGRATIONS.length);
    expect(await schemas()).toEqual(before);
  });

  it('enforces identity invariants in the database itself', async () => {
    const insert = (handle: string, email: string) =>
      db.query(
        `INSERT INTO identity.user (id, handle, email, display_name, password_hash) VALUES (gen_random_uuid(), $1, $2, 'x', 'h')`,
        [handle, email],
      );
    await insert('dbcheck', 'dbcheck@example.test');
    await expect(insert('DBCHECK', 'other@example.test')).rejects.toThrow(/user_handle_key/);
    await expect(insert('other', 'DBCheck@Example.Test')).rejects.toThrow(/user_email_key/);
    await expect(insert('../x', 'x@example.test')).rejects.toThrow(/check/);
    await expect(db.query(`UPDATE identity.user SET roles = '{superuser}' WHERE handle = 'dbcheck'`)).rejects.toThrow(
      /check/,
    );
  });
});
