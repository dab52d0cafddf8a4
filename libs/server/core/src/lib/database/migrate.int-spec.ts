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

  const schemas = async () =>
    (
      await db.query<{ nspname: string }>(
        `SELECT nspname FROM pg_namespace WHERE nspname IN ('catalog', 'core', 'identity', 'licensing') ORDER BY 1`,
      )
    ).map((r) => r.nspname);

  it('is up to date on the template and idempotent', async () => {
    expect(await migrateDatabase(db.url, MIGRATIONS)).toEqual([]);
    expect(await schemas()).toEqual(['catalog', 'core', 'identity', 'licensing']);
  });

  it('reverts every migration cleanly and reapplies it', async () => {
    for (let i = 0; i < MIGRATIONS.length; i += 1) await revertLastMigration(db.url, MIGRATIONS);
    expect(await schemas()).toEqual([]);
    expect(await migrateDatabase(db.url, MIGRATIONS)).toHaveLength(MIGRATIONS.length);
    expect(await schemas()).toEqual(['catalog', 'core', 'identity', 'licensing']);
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
