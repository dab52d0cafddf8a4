import { constants as zlib } from 'node:zlib';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { LogController } from 'fastify';
import compress from '@fastify/compress';
import type {} from '@fastify/static'; // reply.sendFile
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import {
  httpLogger,
  originOf,
  registerRequestLogging,
  RequestOrigin,
  requestIdFor,
  SqlStatements,
} from '@lookbook/core';
import type { ApiModuleOptions } from './app.module';
import { AppModule } from './app.module';
import { BODY_LIMIT_BYTES, enforceBodyLimits, IMAGE_BODY_TYPES, MAX_IMAGE_BODY_BYTES } from './body-limits';
import { redirectToCanonicalHost, serveWebClient } from './web-client';

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
  if (!options.config.http.canonicalUrl) {
    // No PUBLIC_URL: absolute URLs built for this request (checkout return URLs, a licence's verifyUrl) use the origin
    // it was made on — Host, or X-Forwarded-Host/-Proto behind a trusted proxy — validated, never echoed raw.
    fastify.addHook('onRequest', (request, _reply, done) =>
      RequestOrigin.run(originOf(request.protocol, request.host), () => done()),
    );
  }
  registerRequestLogging(fastify);
  redirectToCanonicalHost(fastify, options.config);
  enforceBodyLimits(fastify);
  // JSON answers (a page of cards is ~60 KB) shrink 4–8× on the wire. Brotli at quality 4 costs about as much CPU as
  // gzip; built web assets carry precompressed files instead (serveWebClient), and media types are left alone.
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // Raw bodies for the REST upload routes: images are buffered (bounded), model files stream through untouched.
  fastify.addContentTypeParser(
    IMAGE_BODY_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BODY_BYTES },
    (_req, body, done) => done(null, body),
  );
  // One-click unsubscribe (RFC 8058) posts `List-Unsubscribe=One-Click` as a form (urlencoded, which the adapter
  // parses, or multipart); the signed link is in the URL, so the small body is read as text and not interpreted.
  fastify.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) =>
    done(null, body),
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
