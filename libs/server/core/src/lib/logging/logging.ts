import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
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

/** Honour a well-formed incoming X-Request-Id (from a proxy) so logs correlate end to end; otherwise mint one. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Structured JSON logs (pino): one line per request with its id, never credentials. */
export function loggingModule(config: AppConfig, name: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      name,
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          // Query strings may carry signed tokens: log the path only.
          url: req.url.split('?')[0],
          remoteAddress: req.remoteAddress,
        }),
      },
    },
    forRoutes: [{ path: '{*splat}', method: 0 }],
  });
}
