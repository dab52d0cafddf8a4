import type { Readable } from 'node:stream';
import { RouteConfig } from '@nestjs/platform-fastify';
import { PayloadTooLargeError } from '@lookbook/kernel';

/** Route config key read by the API's body-limit check (apps/api body-limits.ts). */
export interface BodyLimitRouteConfig {
  maxBodyBytes?: number;
}

/**
 * The most a route that reads its body as a stream takes. A request that declares more (Content-Length) is answered
 * 413 `PAYLOAD_TOO_LARGE` before a byte is read, or before `100 Continue` is sent; one that sends more without saying
 * so is cut off by `readBody`.
 */
export const MaxBodyBytes = (bytes: number) => RouteConfig({ maxBodyBytes: bytes } satisfies BodyLimitRouteConfig);

/**
 * Reads a streamed request body of at most `max` bytes. Past it, throws `PayloadTooLargeError` at once and lets the
 * rest of the body flow on unread, so the client — still sending — receives the 413 instead of a reset connection.
 * (Leaving a `for await` over the body would destroy the socket under the client.) A body that is already a Buffer
 * (a buffering parser read it) is checked and returned.
 */
export function readBody(body: unknown, max: number): Promise<Buffer> {
  if (Buffer.isBuffer(body)) {
    return body.length > max ? Promise.reject(new PayloadTooLargeError(max)) : Promise.resolve(body);
  }
  const stream = body as Readable;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    stream.on('data', (chunk: Buffer) => {
      if (over) return; // discarded: the answer is already on its way
      size += chunk.length;
      if (size <= max) {
        chunks.push(chunk);
        return;
      }
      over = true;
      chunks.length = 0;
      reject(new PayloadTooLargeError(max));
    });
    stream.once('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    stream.once('error', (error) => {
      if (!over) reject(error);
    });
  });
}
