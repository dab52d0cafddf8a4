import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Clock } from '@lookbook/core';
import { loadConfig } from '@lookbook/core';
import { startMailSink } from '@lookbook/notifications';
import { testStorageSettings } from '@lookbook/testing';
import { WorkerModule } from '@lookbook/worker';

/**
 * The real worker process's module (job handlers, schedules) on a test database, in this process. Mail goes to
 * `env.SMTP_URL` when given; otherwise to a development sink of its own (a temporary directory), as on the embedded
 * defaults, stopped with the worker.
 */
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
  const sink = config.mail.smtpUrl
    ? undefined
    : await startMailSink({ directory: mkdtempSync(join(tmpdir(), 'lookbook-mail-')), port: 0, production: false });
  const context = await NestFactory.createApplicationContext(
    WorkerModule.register({
      config,
      databaseUrl,
      storage: { ...testStorageSettings(), ...(options.storageEndpoint ? { endpoint: options.storageEndpoint } : {}) },
      smtpUrl: config.mail.smtpUrl ?? sink!.url,
      clock: options.clock,
    }),
    {
      logger: false,
    },
  );
  await context.init();
  if (sink) {
    const close = context.close.bind(context);
    context.close = async () => {
      await close();
      await sink.stop();
    };
  }
  return context;
}
