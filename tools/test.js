// `npm test` / `npm run test:browser`: runs jest with the given arguments, then prints one plain verdict line
// (`tests: N passed, N failed, N skipped`) as the last line of the output, and exits with jest's status.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const dir = mkdtempSync(join(tmpdir(), 'lookbook-jest-'));
const summaryFile = join(dir, 'summary.txt');
const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, LOOKBOOK_TEST_SUMMARY_FILE: summaryFile },
});
let summary = 'tests: 0 passed, 1 failed, 0 skipped (jest produced no results)';
try {
  summary = readFileSync(summaryFile, 'utf8');
} catch {
  // keep the failure line
}
rmSync(dir, { recursive: true, force: true });
process.stderr.write(`\n${summary}\n`);
process.exit(result.status ?? 1);
