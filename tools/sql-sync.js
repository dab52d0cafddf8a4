// `npm run sql:sync`: regenerates the committed SQL snapshots (libs/server/<domain>/sql/*.sql) by running their drift
// spec in write mode, in the test harness's embedded PostgreSQL (migrated like production).
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const child = spawn(
  process.execPath,
  [join(__dirname, 'test.js'), '--selectProjects', 'integration', '--testPathPatterns', 'sql-snapshots.int-spec'],
  { stdio: 'inherit', env: { ...process.env, LOOKBOOK_SQL_SYNC: 'write' } },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
