import { Writable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import Fastify, { LogController } from 'fastify';
import { REDACTED_PATHS, registerRequestLogging, requestIdFor } from './logging';

describe('logging', () => {
  it('never writes credentials', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    logger.info({
      req: { headers: { authorization: 'Bearer eyJsecret', cookie: 'sid=secret', 'x-api-key': 'lbk_secret' } },
      input: { password: 'hunter2-secret', token: 'lbr_secret' },
    });
    expect(lines.join('')).not.toMatch(/secret|hunter2/);
    expect(lines.join('')).toContain('[redacted]');
  });

  it('keeps well-formed incoming request ids and replaces hostile ones', () => {
    const req = (id?: string) =>
      ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as unknown as IncomingMessage;
    expect(requestIdFor(req('edge-1234-abcd'))).toBe('edge-1234-abcd');
    expect(requestIdFor(req('<script>alert(1)</script>'))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor(req('x'.repeat(500)))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor(req())).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes one line per request on every route, without query strings or credentials, and skips probes', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    const fastify = Fastify({
      loggerInstance: pino({ redact: REDACTED_PATHS }, sink),
      logController: new LogController({ disableRequestLogging: true }),
    });
    registerRequestLogging(fastify);
    fastify.post('/graphql', async () => ({ data: {} }));
    fastify.get('/healthz', async () => ({ status: 'ok' }));
    await fastify.inject({
      method: 'POST',
      url: '/graphql?token=lbr_secret',
      headers: { authorization: 'Bearer secret' },
      payload: {},
    });
    await fastify.inject({ method: 'GET', url: '/healthz' });
    await fastify.inject({ method: 'GET', url: '/missing' });
    await fastify.close();
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map((e) => [e['path'], e['status']])).toEqual([
      ['/graphql', 200],
      ['/missing', 404],
    ]);
    expect(entries[0]).toMatchObject({
      method: 'POST',
      reqId: expect.any(String),
      ms: expect.any(Number),
      msg: 'request completed',
    });
    expect(lines.join('')).not.toMatch(/secret/);
  });
});
