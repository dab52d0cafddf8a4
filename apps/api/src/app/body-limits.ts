import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { BodyLimitRouteConfig } from '@lookbook/core';
import { mediaTypeOf } from '@lookbook/core';
import { PayloadTooLargeError } from '@lookbook/kernel';

/** GraphQL documents and JSON bodies are small; uploads get their own routes and limits. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Images (sample images, workflow images) arrive buffered, up to this. */
export const MAX_IMAGE_BODY_BYTES = 25 * 1024 * 1024;
export const IMAGE_BODY_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
/**
 * The rest of a refused body, up to this size, is read (and thrown away) before the answer goes out, so a client that
 * sends the whole body before it reads — most HTTP libraries do, and ask to close the connection after — gets the 413
 * instead of a connection reset under its write. Past it the connection is closed: reading gigabytes to say no is
 * not worth it.
 */
const DRAIN_LIMIT_BYTES = 128 * 1024 * 1024;

/**
 * The most this request's body may hold: the route's own limit (`@MaxBodyBytes`, for routes that read a stream), the
 * image parser's for images, none at this layer for other streamed bodies (the upload route checks the declared file
 * size), else the route's JSON limit.
 */
export function bodyLimitOf(request: FastifyRequest): number {
  const declared = (request.routeOptions.config as BodyLimitRouteConfig | undefined)?.maxBodyBytes;
  if (declared !== undefined) return declared;
  const type = mediaTypeOf(request.headers);
  if (IMAGE_BODY_TYPES.includes(type)) return MAX_IMAGE_BODY_BYTES;
  if (type === 'application/octet-stream') return Number.POSITIVE_INFINITY;
  return request.routeOptions.bodyLimit ?? BODY_LIMIT_BYTES;
}

/**
 * Every body over its limit is answered 413 `PAYLOAD_TOO_LARGE` (in the REST or GraphQL error shape, by the error
 * filter), and the client actually receives it:
 * - a declared Content-Length over the limit is refused before a byte is read — and, with `Expect: 100-continue`,
 *   before `100 Continue` is sent, so the client never uploads it;
 * - the body of a refused request (413, or any error answered before the body was read) is drained first, up to
 *   DRAIN_LIMIT_BYTES, rather than left unread under a closing socket, which a client still writing sees as a reset
 *   with no answer.
 */
export function enforceBodyLimits(fastify: FastifyInstance): void {
  const server = fastify.server;
  // Node answers `100 Continue` by itself unless someone listens; listening, it is sent once the limit is checked.
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    server.emit('request', request, response);
  });
  fastify.addHook('preParsing', async (request, reply, payload) => {
    const declared = Number(request.headers['content-length']);
    const limit = bodyLimitOf(request);
    if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLargeError(limit);
    const expectsContinue = /^100-continue$/i.test(String(request.headers.expect ?? ''));
    if (expectsContinue && !(reply.raw as { _sent100?: boolean })._sent100) reply.raw.writeContinue();
    return payload;
  });
  fastify.addHook('onSend', async (request, reply) => {
    if (reply.statusCode < 400 || request.raw.complete) return;
    // The client was told not to send the body (no `100 Continue`): nothing is coming.
    if ((request.raw.headers.expect ?? '') !== '' && !(reply.raw as { _sent100?: boolean })._sent100) return;
    const declared = Number(request.headers['content-length']);
    if ((Number.isFinite(declared) && declared > DRAIN_LIMIT_BYTES) || !(await drained(request.raw))) {
      void reply.header('connection', 'close');
      return;
    }
    // Read to its end: the connection is in a clean state again (Fastify marks one whose body it stopped reading).
    if (reply.getHeader('connection') === 'close') reply.removeHeader('connection');
  });
}

/** Reads what is left of a request body, discarding it; false once more than DRAIN_LIMIT_BYTES came. */
function drained(raw: IncomingMessage): Promise<boolean> {
  if (raw.destroyed || raw.readableEnded) return Promise.resolve(raw.complete);
  return new Promise((resolve) => {
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) finish(false);
    };
    const finish = (complete: boolean) => {
      raw.off('data', onData);
      raw.off('end', onEnd);
      raw.off('close', onClose);
      if (!complete) raw.pause();
      resolve(complete);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(raw.complete);
    raw.on('data', onData);
    raw.once('end', onEnd);
    raw.once('close', onClose);
    raw.resume();
  });
}
