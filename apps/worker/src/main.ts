import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { loadConfigOrExit, resolveDatabase } from '@lookbook/core';
import { MIGRATIONS } from '@lookbook/migrations';
import { resolveMailTransport } from '@lookbook/notifications';
import { resolveObjectStorage } from '@lookbook/storage';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = new Logger('worker');
  const database = await resolveDatabase(config, MIGRATIONS, (line) => log.log(line));
  const storage = await resolveObjectStorage(config, (line) => log.log(line));
  const mail = await resolveMailTransport(config, (line) => log.log(line));
  const app = await NestFactory.createApplicationContext(
    WorkerModule.register({ config, databaseUrl: database.url, storage: storage.settings, smtpUrl: mail.smtpUrl }),
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(PinoLogger));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.log(`${signal} received: finishing running jobs`);
    setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
    await app.close();
    await mail.stop();
    await storage.stop();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.init();
  log.log('Lookbook worker running');
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
