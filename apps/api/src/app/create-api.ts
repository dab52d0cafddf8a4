import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@lookbook/core';
import { requestIdFor } from '@lookbook/core';
import type { ApiModuleOptions } from './app.module';
import { AppModule } from './app.module';

/** GraphQL documents and JSON bodies are small; uploads get their own routes and limits. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the API application (not listening). Used by main.ts, the schema generator and the e2e tests. */
export async function createApi(options: ApiModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.config.http.trustProxy,
    genReqId: (req: IncomingMessage) => {
      const id = requestIdFor(req);
      // pino-http reads req.id, so log lines and the response header carry the same id.
      (req as IncomingMessage & { id?: string }).id = id;
      return id;
    },
    // On shutdown, close idle keep-alive sockets at once; in-flight requests are allowed to finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      void reply.header('x-request-id', request.id);
    });
  serveWebClient(app, options.config);
  return app;
}

/** The built web client (apps/web → dist/web) is served from `/` when present. */
function serveWebClient(app: NestFastifyApplication, config: AppConfig): void {
  const root = resolve(config.web.distDir);
  if (!existsSync(join(root, 'index.html'))) return;
  app.useStaticAssets({ root, prefix: '/', index: ['index.html'], wildcard: false });
}
