import { Controller, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@lookbook/core';
import { CurrentActor, mediaTypeOf, ParseUuidPipe } from '@lookbook/core';
import { UnsupportedMediaTypeError } from '@lookbook/kernel';
import { toSampleImage } from '../graphql/catalog.mapper';
import { PublicMedia } from '@lookbook/storage';
import { SampleImageService } from './sample-image.service';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

@Controller('api/v1')
export class SampleImageController {
  constructor(
    private readonly samples: SampleImageService,
    private readonly media: PublicMedia,
  ) {}

  /** Add a sample image (PNG, JPEG or WebP as the raw body) to a draft version. */
  @Post('model-versions/:id/sample-images')
  async addSample(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Req() request: FastifyRequest,
  ) {
    if (!IMAGE_TYPES.includes(mediaTypeOf(request.headers)) || !Buffer.isBuffer(request.body)) {
      throw new UnsupportedMediaTypeError(
        'Send the image as the body with Content-Type image/png, image/jpeg or image/webp',
        {
          expected: IMAGE_TYPES.join(', '),
        },
      );
    }
    const image = await this.samples.add(actor, id, request.body, mediaTypeOf(request.headers));
    return toSampleImage(image, (key) => this.media.url(key), []);
  }
}
