import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TestDatabase } from '../test-database';
import { createTestDatabase } from '../test-database';
import { snapshotDrift, SYNC_COMMAND } from './snapshot-diff';
import type { SnapshotRun } from './sql-snapshots';
import { generateSqlSnapshots } from './sql-snapshots';

const ROOT = join(__dirname, '..', '..', '..', '..', '..', '..');
/** Set by `npm run sql:sync` (tools/sql-sync.js): write the snapshots instead of comparing them. */
const WRITE = process.env['LOOKBOOK_SQL_SYNC'] === 'write';

/**
 * The committed SQL snapshots (`libs/server/<domain>/sql/*.sql`) against the SQL every repository method and the
 * search matrix send now, in a fresh migrated database: drift fails here with a diff and the command to run.
 */
describe('committed SQL snapshots', () => {
  let db: TestDatabase;
  let run: SnapshotRun;

  beforeAll(async () => {
    db = await createTestDatabase();
    run = await generateSqlSnapshots(ROOT, db.url);
  }, 180_000);
  afterAll(() => db?.drop());

  it('cover every public method of every SQL class, and every case runs', () => {
    if (run.problems.length) {
      throw new Error(
        `SQL cases need attention (libs/server/<domain>/sql/cases.ts), then run \`${SYNC_COMMAND}\`:\n` +
          run.problems.map((p) => `- ${p}`).join('\n'),
      );
    }
    expect(run.statements).toBeGreaterThan(0);
  });

  it('match the statements the code sends now', () => {
    if (WRITE) {
      for (const path of run.committed.keys()) if (!run.files.has(path)) rmSync(join(ROOT, path));
      for (const [path, text] of run.files) {
        mkdirSync(dirname(join(ROOT, path)), { recursive: true });
        writeFileSync(join(ROOT, path), text);
      }
      return;
    }
    const drift = snapshotDrift(run.committed, run.files);
    if (drift) throw new Error(drift);
  });
});
