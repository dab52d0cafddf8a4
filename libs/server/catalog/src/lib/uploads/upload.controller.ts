import type { Readable } from 'node:stream';
import { Controller, Param, Put, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@lookbook/core';
import { CurrentActor, mediaTypeOf, ParseUuidPipe } from '@lookbook/core';
import { UnsupportedMediaTypeError } from '@lookbook/kernel';
import { toModelFile } from '../graphql/catalog.mapper';
import { UploadService } from './upload.service';

const isStream = (body: unknown): body is Readable =>
  typeof (body as Readable | undefined)?.[Symbol.asyncIterator] === 'function';

@Controller('api/v1')
export class UploadController {
  constructor(private readonly uploads: UploadService) {}

  /** For command-line tools: stream the whole file as the request body (application/octet-stream) into an upload. */
  @Put('uploads/:id/content')
  async streamUpload(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Req() request: FastifyRequest,
  ) {
    if (mediaTypeOf(request.headers) !== 'application/octet-stream' || !isStream(request.body)) {
      throw new UnsupportedMediaTypeError('Send the file as the body with Content-Type: application/octet-stream', {
        expected: 'application/octet-stream',
      });
    }
    return toModelFile(await this.uploads.streamContent(actor, id, request.body));
  }
}
