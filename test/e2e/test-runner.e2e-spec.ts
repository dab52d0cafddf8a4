import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function find(dir: string, name: string, depth = 6): string[] {
  if (depth < 0 || !existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isFile() && entry.name === name
      ? [join(dir, entry.name)]
      : entry.isDirectory()
        ? find(join(dir, entry.name), name, depth - 1)
        : [],
  );
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Runs `node tools/test.js` on a fixture in a temp folder of its own (TMPDIR), optionally interrupting it like a
 * terminal's Ctrl-C once its PostgreSQL is up; returns its exit code, the server's pid and what is left in the folder.
 */
async function runFixture(fixture: string, interrupt = false) {
  const tmp = mkdtempSync(join(tmpdir(), 'runner-check-'));
  chmodSync(tmp, 0o755); // the embedded server runs as the `postgres` user when we are root
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp };
  for (const name of [
    'LOOKBOOK_TEST_DATABASE_ADMIN_URL',
    'LOOKBOOK_TEST_S3_ENDPOINT',
    'LOOKBOOK_TEST_SUMMARY_FILE',
    'JEST_WORKER_ID',
  ])
    delete env[name];
  const child = spawn(
    process.execPath,
    ['tools/test.js', '--config', 'test/runner-fixtures/jest.fixture.config.js', '--testPathPatterns', fixture],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const readPid = (file: string) => {
    try {
      return Number(readFileSync(file, 'utf8').split('\n')[0]) || undefined;
    } catch {
      return undefined;
    }
  };
  let pid: number | undefined;
  for (let i = 0; i < 600 && pid === undefined && child.exitCode === null; i += 1) {
    const [pidFile] = find(tmp, 'postmaster.pid');
    // initdb's bootstrap writes and removes a pid file too: one that is gone before it is read is not the server's.
    const read = pidFile ? readPid(pidFile) : undefined;
    if (read) pid = read;
    else await new Promise((r) => setTimeout(r, 100));
  }
  if (interrupt) {
    await new Promise((r) => setTimeout(r, 1500)); // let jest reach the hanging test
    process.kill(-child.pid!, 'SIGINT'); // the whole process group, as a terminal does
  }
  const code = await exited;
  const left = readdirSync(tmp);
  rmSync(tmp, { recursive: true, force: true });
  return { code, pid, left, output };
}

describe('the test runner cleans up after itself', () => {
  it.each([
    ['a failing test', 'fails', false],
    ['jest dying before its teardown', 'exits', false],
    ['Ctrl-C in the middle of a run', 'hangs', true],
  ])(
    'after %s: PostgreSQL stopped, run folder removed, failure reported',
    async (_name, fixture, interrupt) => {
      const { code, pid, left, output } = await runFixture(fixture, interrupt);
      expect({ pid, output: pid === undefined ? output : '' }).toEqual({ pid: expect.any(Number), output: '' }); // the nested run really started a server
      expect(code).not.toBe(0);
      expect(alive(pid!)).toBe(false);
      expect(left).toEqual([]);
      expect(output.trim().split('\n').at(-1)).toMatch(/^tests: \d+ passed, [1-9]\d* failed, \d+ skipped/);
    },
    120_000,
  );
});
