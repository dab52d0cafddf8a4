import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApi } from '@lookbook/api';
import type { Clock } from '@lookbook/core';
import { loadConfig } from '@lookbook/core';
import type { TestDatabase } from '@lookbook/testing';
import { createTestDatabase, testStorageSettings } from '@lookbook/testing';

export interface TestApi {
  app: NestFastifyApplication;
  server: Server;
  db: TestDatabase;
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
}

/** The real API (Fastify, GraphQL, guards, Postgres) on a fresh database, ready for supertest. */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const db = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    AUTH_SECRET: 'test-only-secret-with-at-least-32-characters',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'lookbook-e2e-')),
    WEB_DIST_DIR: join(tmpdir(), 'no-web-build'),
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
  } catch (error) {
    await app.close().catch(() => undefined);
    await db.drop();
    throw error;
  }
  return {
    app,
    server: app.getHttpServer(),
    db,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
