import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Clock } from '@lookbook/core';
import { loadConfig } from '@lookbook/core';
import { testStorageSettings } from '@lookbook/testing';
import { WorkerModule } from '@lookbook/worker';

/** The real worker process's module (job handlers, schedules) on a test database, in this process. */
export async function startTestWorker(
  databaseUrl: string,
  options: { clock?: Clock; storageEndpoint?: string; env?: Record<string, string> } = {},
): Promise<INestApplicationContext> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    AUTH_SECRET: 'test-only-secret-with-at-least-32-characters',
    WORKER_CONCURRENCY: '2',
    ...options.env,
  });
  const context = await NestFactory.createApplicationContext(
    WorkerModule.register({
      config,
      databaseUrl,
      storage: { ...testStorageSettings(), ...(options.storageEndpoint ? { endpoint: options.storageEndpoint } : {}) },
      clock: options.clock,
    }),
    {
      logger: false,
    },
  );
  await context.init();
  return context;
}
