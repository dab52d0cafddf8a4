import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@lookbook/core';
import { PublicMedia } from '@lookbook/storage';

const FOREVER = 'public, max-age=31536000, immutable';
/** A withheld or unknown name may become servable (a restore, a new upload): cache its 404 briefly. */
const MISSING = 'public, max-age=60';

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` (one range) → inclusive bounds; 'invalid' → 416; null → whole object. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'invalid' | null {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match) return null; // absent, or a multi-range we answer with the whole object (RFC 9110 allows it)
  const [, from, to] = match;
  if (from === '' && to === '') return 'invalid';
  const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
  const end = from === '' || to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start > end || start >= size) return 'invalid';
  return { start, end };
}

/**
 * `/media/<sha256>.<ext>`: public media on the embedded defaults (production puts a CDN at MEDIA_PUBLIC_URL in front
 * of the same prefix). Names are content hashes, so responses are immutable: a strong ETag from the name, cached for
 * a year, ranges for large images. Streamed from storage, never buffered.
 */
@Controller('media')
export class MediaController {
  constructor(private readonly media: PublicMedia) {}

  @Public()
  @Get(':name')
  async serve(@Param('name') name: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    void reply.header('x-content-type-options', 'nosniff');
    const info = await this.media.head(name);
    if (!info) {
      await reply.status(404).header('cache-control', MISSING).send({ error: 'NOT_FOUND' });
      return;
    }
    const etag = `"${name.split('.')[0]}"`;
    void reply
      .header('cache-control', FOREVER)
      .header('etag', etag)
      .header('accept-ranges', 'bytes')
      .header('content-type', info.contentType);
    if (request.headers['if-none-match']?.split(/\s*,\s*/).some((tag) => tag === etag || tag === '*')) {
      await reply.status(304).send();
      return;
    }
    const range = parseRange(request.headers.range, info.size);
    if (range === 'invalid') {
      await reply.status(416).header('content-range', `bytes */${info.size}`).send();
      return;
    }
    const body = await this.media.open(name, range ?? undefined);
    if (range) {
      void reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${info.size}`);
    }
    await reply.header('content-length', range ? range.end - range.start + 1 : info.size).send(body);
  }
}
