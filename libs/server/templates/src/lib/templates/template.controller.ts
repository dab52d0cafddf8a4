import { Controller, Param, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@lookbook/core';
import { CurrentActor, MaxBodyBytes, mediaTypeOf, ParseUuidPipe, readBody } from '@lookbook/core';
import { UnsupportedMediaTypeError } from '@lookbook/kernel';
import { toVersion } from '../graphql/template.mapper';
import { MAX_IMPORT_IMAGE_BYTES } from '../workflows/workflow-import';
import { TemplateService } from './template.service';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const TYPES = ['application/json', 'application/octet-stream', 'image/png', 'image/jpeg', 'image/webp'];

/** A dropped workflow file as the raw body: JSON as application/octet-stream (so Python's NaN survives), or an image. */
export async function workflowFileBytes(request: FastifyRequest): Promise<Buffer> {
  const type = mediaTypeOf(request.headers);
  if (!TYPES.includes(type) || type === 'application/json' || request.body === undefined)
    throw new UnsupportedMediaTypeError(
      'Send the workflow file as the body: application/octet-stream for .json, image/png, image/webp or image/jpeg',
      { expected: TYPES.slice(1).join(', ') },
    );
  return readBody(request.body, MAX_IMPORT_IMAGE_BYTES);
}

@Controller('api/v1')
export class TemplateController {
  constructor(private readonly templates: TemplateService) {}

  /**
   * Import a ComfyUI workflow as a new draft version: the raw body is a UI export or API prompt (JSON, sent as
   * application/octet-stream so Python's NaN survives) or an image ComfyUI saved (PNG, WebP, JPEG).
   */
  @Post('templates/:id/versions')
  @MaxBodyBytes(MAX_IMPORT_IMAGE_BYTES)
  async importVersion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Query('label') label: string | undefined,
    @Req() request: FastifyRequest,
  ) {
    const bytes = await workflowFileBytes(request);
    return toVersion(await this.templates.importVersion(actor, id, bytes, label));
  }

  /** Add a sample image (PNG, JPEG or WebP as the raw body) to your draft version; answers its images, oldest first. */
  @Post('template-versions/:id/images')
  @MaxBodyBytes(MAX_IMPORT_IMAGE_BYTES)
  async addImage(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string, @Req() request: FastifyRequest) {
    const type = mediaTypeOf(request.headers);
    if (!IMAGE_TYPES.includes(type) || request.body === undefined)
      throw new UnsupportedMediaTypeError('Send the image as the body: image/png, image/jpeg or image/webp', {
        expected: IMAGE_TYPES.join(', '),
      });
    const images = await this.templates.addImage(actor, id, await readBody(request.body, MAX_IMPORT_IMAGE_BYTES), type);
    return images.map((i) => ({ id: i.id, width: i.width, height: i.height, contentType: i.contentType }));
  }
}
