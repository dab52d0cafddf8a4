import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApi } from '@lookbook/api';
import type { Clock } from '@lookbook/core';
import { loadConfig } from '@lookbook/core';
import type { TestDatabase } from '@lookbook/testing';
import { createTestDatabase, freePort, testStorageSettings } from '@lookbook/testing';

export interface TestApi {
  app: NestFastifyApplication;
  server: Server;
  db: TestDatabase;
  /** With `listen`: the base URL it listens on. */
  url?: string;
  /** Its DATA_DIR (generated keys): a worker that signs licences for it must share it. */
  dataDir: string;
  close(): Promise<void>;
}

export interface TestApiOptions {
  env?: Record<string, string>;
  clock?: Clock;
  /** Connect the app here instead of the database's own URL (e.g. through a TcpProxy). */
  connectVia?: (databaseUrl: string) => string;
  /** Reach storage at this endpoint instead (e.g. through a TcpProxy). */
  storageVia?: (endpoint: string) => string;
  /** Use this database instead of creating one (it is still dropped on close). */
  database?: TestDatabase;
  /**
   * Listen on a real local port (PORT and PUBLIC_URL set to it): for callers that reach the API on their own, like
   * the local payment gateway delivering webhooks from the worker.
   */
  listen?: boolean;
}

/** The real API (Fastify, GraphQL, guards, Postgres) on a fresh database, ready for supertest. */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const db = options.database ?? (await createTestDatabase());
  const port = options.listen ? await freePort() : undefined;
  const config = loadConfig({
    ...(port ? { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    AUTH_SECRET: 'test-only-secret-with-at-least-32-characters',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'lookbook-e2e-')),
    WEB_DIST_DIR: join(tmpdir(), 'no-web-build'),
    // Off unless a test is about it: NOTIFY-driven invalidation is a moment behind a write, which is fine for
    // visitors but not for a test that reads anonymously right after writing.
    PUBLIC_CACHE_TTL_MS: '0',
    SQL_STATEMENT_HEADER: 'true',
    ...options.env,
  });
  const app = await createApi({
    config,
    databaseUrl: options.connectVia ? options.connectVia(db.url) : db.url,
    clock: options.clock,
    storage: {
      ...testStorageSettings(),
      ...(options.storageVia ? { endpoint: options.storageVia(testStorageSettings().endpoint) } : {}),
    },
  });
  try {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    if (port) await app.listen(port, '127.0.0.1');
  } catch (error) {
    await app.close().catch(() => undefined);
    await db.drop();
    throw error;
  }
  return {
    app,
    server: app.getHttpServer(),
    db,
    url: port ? `http://127.0.0.1:${port}` : undefined,
    dataDir: config.dataDir,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
