import { Writable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import { REDACTED_PATHS, requestIdFor } from './logging';

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
});
