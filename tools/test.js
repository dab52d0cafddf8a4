// `npm test` / `npm run test:browser`: runs jest with the given arguments inside one run folder, then prints one plain
// verdict line (`tests: N passed, N failed, N skipped`) as the last line of the output, and exits with jest's status.
//
// The run folder is jest's TMPDIR, so everything a run creates (the embedded PostgreSQL cluster and S3 data from
// globalSetup, each test's data dir) lands in it. When jest ends — passing, failing, crashing, or stopped with Ctrl-C —
// any PostgreSQL server still running from that folder is stopped (it runs in its own process group, so it would
// outlive jest) and the folder is removed.
const { spawn } = require('node:child_process');
const { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const run = mkdtempSync(join(tmpdir(), 'lookbook-test-'));
chmodSync(run, 0o755); // the embedded server runs as the `postgres` user when we are root: it must reach its folder
const summaryFile = join(run, 'summary.txt');

// Test files run in a worker that jest replaces past `workerIdleMemoryLimit` (jest.config.js): in band, the suite's
// module graphs (Nest, TypeORM metadata) outgrew Node's default heap near the end of a full run (out of memory at
// 3.6 GB after ~1150 s). The larger heap is kept as headroom for a single large file run in band.
const heap = '--max-old-space-size=8192';
const child = spawn(process.execPath, [heap, require.resolve('jest/bin/jest'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TMPDIR: run, LOOKBOOK_TEST_SUMMARY_FILE: summaryFile },
});

let signalled = null;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // A terminal's Ctrl-C reaches jest too; forwarding covers `kill <this pid>`. Jest then runs its teardown.
    signalled = signal;
    if (child.exitCode === null) child.kill(signal);
  });
}

child.on('exit', (code, signal) => {
  let summary = 'tests: 0 passed, 1 failed, 0 skipped (jest produced no results)';
  try {
    summary = readFileSync(summaryFile, 'utf8');
  } catch {
    // keep the failure line
  }
  void cleanUp().then(() => {
    process.stderr.write(`\n${summary}\n`);
    process.exit(code ?? (signal || signalled ? 130 : 1));
  });
});

/** Stops every PostgreSQL server whose data directory is inside the run folder, then removes the folder. */
async function cleanUp() {
  for (const pidFile of find(run, 'postmaster.pid', 6)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) continue;
    process.kill(pid, 'SIGINT'); // fast shutdown
    for (let i = 0; i < 100 && alive(pid); i += 1) await sleep(100);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && alive(pid); i += 1) await sleep(100);
  }
  rmSync(run, { recursive: true, force: true, maxRetries: 3 });
}

function find(dir, name, depth) {
  if (depth < 0 || !existsSync(dir)) return [];
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name === name) found.push(path);
    else if (entry.isDirectory()) found.push(...find(path, name, depth - 1));
  }
  return found;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
