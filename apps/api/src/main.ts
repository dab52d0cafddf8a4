import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit, resolveDatabase } from '@lookbook/core';
import { resolveObjectStorage } from '@lookbook/storage';
import { MIGRATIONS } from '@lookbook/migrations';
import { createApi } from './app/create-api';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = new Logger('api');
  const database = await resolveDatabase(config, MIGRATIONS, (line) => log.log(line));
  const storage = await resolveObjectStorage(config, (line) => log.log(line));
  const app = await createApi({ config, databaseUrl: database.url, storage: storage.settings });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.log(`${signal} received: draining requests`);
    const force = setTimeout(() => {
      log.error(`shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    await app.close(); // stops accepting, waits for in-flight requests, closes the database pool
    await storage.stop();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.http.host, port: config.http.port });
  const url = config.http.canonicalUrl ?? `http://${config.http.host}:${config.http.port}`;
  log.log(`Lookbook API listening on ${url} (GraphQL at ${url}/graphql)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`api failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
