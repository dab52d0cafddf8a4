import { existsSync } from 'node:fs';
import { constants as zlib } from 'node:zlib';
import { join, resolve } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { LogController } from 'fastify';
import compress from '@fastify/compress';
import type {} from '@fastify/static'; // reply.sendFile
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@lookbook/core';
import { httpLogger, registerRequestLogging, requestIdFor, SqlStatements } from '@lookbook/core';
import type { ApiModuleOptions } from './app.module';
import { AppModule } from './app.module';

/** GraphQL documents and JSON bodies are small; uploads get their own routes and limits. */
const BODY_LIMIT_BYTES = 1024 * 1024;
const MAX_IMAGE_BODY_BYTES = 25 * 1024 * 1024;

/** Builds the API application (not listening). Used by main.ts, the schema generator and the e2e tests. */
export async function createApi(options: ApiModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: httpLogger(options.config, 'lookbook-api'),
    // registerRequestLogging writes one line per request instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.config.http.trustProxy,
    genReqId: (req: IncomingMessage) => requestIdFor(req),
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // Webhook signatures are computed over the exact bytes received.
    rawBody: true,
  });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  if (options.config.sqlStatementHeader) {
    // Tests and benchmarks only: each request gets its own SQL statement tally (callback style, so the rest of the
    // request runs inside it). Off, it costs nothing on the hot path.
    fastify.addHook('onRequest', (_request, _reply, done) => SqlStatements.track(() => done()));
    fastify.addHook('onSend', async (_request, reply) => {
      void reply.header('x-sql-statements', String(SqlStatements.count() ?? 0));
    });
  }
  registerRequestLogging(fastify);
  // JSON answers (a page of cards is ~60 KB) shrink 4–8× on the wire. Brotli at quality 4 costs about as much CPU as
  // gzip; built web assets carry precompressed files instead (serveWebClient), and media types are left alone.
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // Raw bodies for the REST upload routes: images are buffered (bounded), model files stream through untouched.
  fastify.addContentTypeParser(
    ['image/png', 'image/jpeg', 'image/webp'],
    { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BODY_BYTES },
    (_req, body, done) => done(null, body),
  );
  fastify.addContentTypeParser(
    'application/octet-stream',
    { bodyLimit: Number.MAX_SAFE_INTEGER },
    (_req, payload, done) => done(null, payload),
  );
  // Once shutdown starts, answer in-flight requests with `Connection: close`, so their keep-alive sockets end with the
  // response instead of holding server.close() open until they time out.
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close');
  });
  serveWebClient(app, options.config);
  return app;
}

/** The built web client (apps/web → dist/web) is served from `/` when present. */
function serveWebClient(app: NestFastifyApplication, config: AppConfig): void {
  const root = resolve(config.web.distDir);
  if (!existsSync(join(root, 'index.html'))) return;
  // `preCompressed`: the build writes .br and .gz beside each text asset; they are sent to clients that accept them.
  app.useStaticAssets({ root, prefix: '/', index: ['index.html'], wildcard: false, preCompressed: true });
  const fastify = app.getHttpAdapter().getInstance();
  // Hashed build assets never change; the page itself is revalidated, so a deploy shows at once.
  fastify.addHook('onSend', async (request, reply) => {
    if (request.method !== 'GET' || reply.statusCode !== 200) return;
    if (request.url.startsWith('/assets/')) void reply.header('cache-control', 'public, max-age=31536000, immutable');
    else if (String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
      void reply.header('cache-control', 'no-cache');
  });
  // The client's pages, opened by URL (shared links, reloads, the payment provider's return URLs), load the app.
  for (const route of WEB_CLIENT_ROUTES) {
    fastify.get(route, (_request, reply) => reply.sendFile('index.html', root));
  }
}

/**
 * The web client's pages (apps/web/src/router.tsx): opened directly, shared or reloaded, they load the app. Kept in
 * step with the router by the browser journeys, which open each page by URL.
 */
export const WEB_CLIENT_ROUTES = [
  '/models/:id',
  '/versions/:id',
  '/u/:handle',
  '/sign-in',
  '/sign-up',
  '/account',
  '/library',
  '/orders/:id',
  '/verify',
  '/studio',
  '/studio/new',
  '/studio/models/:id',
  '/studio/versions/:id',
  '/studio/templates/new',
  '/studio/ips',
  '/check',
  '/templates/:id',
  '/earnings',
  '/staff',
];
