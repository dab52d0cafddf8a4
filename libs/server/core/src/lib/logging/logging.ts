import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import pino from 'pino';
import type { DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/config';

/** Header paths that carry credentials: never written to logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["stripe-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
];

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;
const PROBES = new Set(['/healthz', '/readyz']);

/** Honour a well-formed incoming X-Request-Id (from a proxy) so logs correlate end to end; otherwise mint one. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Application logs (Nest's Logger) as pino JSON lines. Request lines come from `registerRequestLogging` instead:
 * GraphQL is mounted on Fastify directly, where Nest middleware (pino-http) never runs.
 */
export function loggingModule(config: AppConfig, name: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      name,
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      autoLogging: false,
    },
    forRoutes: [{ path: '{*splat}', method: 0 }],
  });
}

/** The pino options for the HTTP server's own logger (Fastify `loggerInstance`). */
export function httpLogger(config: AppConfig, name: string): Logger {
  return pino({ name, level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

/**
 * One line per finished request on every route (GraphQL included): id, method, path (never the query string, which
 * may carry signed tokens), status, duration. Health probes are skipped.
 */
export function registerRequestLogging<L extends FastifyBaseLogger>(
  fastify: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?')[0]!;
    if (!PROBES.has(path)) {
      const level = reply.statusCode >= 500 ? 'error' : reply.statusCode >= 400 ? 'warn' : 'info';
      request.log[level](
        // Flat keys: Fastify's logger would run `req`/`res` objects through its own serializers.
        { method: request.method, path, status: reply.statusCode, ms: Math.round(reply.elapsedTime), ip: request.ip },
        'request completed',
      );
    }
    done();
  });
}
