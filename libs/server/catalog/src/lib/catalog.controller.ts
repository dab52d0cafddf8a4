import type { Readable } from 'node:stream';
import { Controller, Get, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@lookbook/core';
import { CurrentActor, ParseUuidPipe, Public, RequireScope } from '@lookbook/core';
import { NotFoundError, UnsupportedMediaTypeError } from '@lookbook/kernel';
import { DownloadService } from './downloads/download.service';
import { CatalogPolicies } from './policies/catalog-policies';
import { toModelFile, toSampleImage } from './graphql/catalog.mapper';
import { SampleImageService } from './samples/sample-image.service';
import { UploadService } from './uploads/upload.service';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

const mediaType = (request: FastifyRequest) =>
  (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

const isStream = (body: unknown): body is Readable =>
  typeof (body as Readable | undefined)?.[Symbol.asyncIterator] === 'function';

/**
 * Tool-friendly REST routes. Errors are `{ "error": { "code", "message" } }`: 404 NOT_FOUND-style codes, 401
 * UNAUTHENTICATED, 403 LICENSE_REQUIRED — so a script can tell "no such file" from "sign in" from "buy a licence".
 */
@Controller('api/v1')
export class CatalogController {
  constructor(
    private readonly downloads: DownloadService,
    private readonly uploads: UploadService,
    private readonly samples: SampleImageService,
    private readonly policies: CatalogPolicies,
  ) {}

  /** Look a version up by SHA-256 or AutoV2 (any case), e.g. from a hash found in an image or a local file. */
  @Public()
  @Get('model-versions/by-hash/:hash')
  async byHash(@CurrentActor() viewer: Actor | undefined, @Param('hash') hash: string) {
    const matches = await this.downloads.byHash(viewer, hash);
    if (!matches.length) throw new NotFoundError('NOT_FOUND', 'No published version has a file with that hash');
    const licensing = await this.policies.describeLicensing(
      viewer,
      matches.map((m) => m.version.id),
    );
    return {
      matches: matches.map(({ file, version, model }) => ({
        modelId: model.id,
        modelName: model.name,
        modelType: model.type,
        baseModelId: model.baseModelId,
        versionId: version.id,
        versionName: version.name,
        access: version.access,
        triggerWords: version.triggerWords,
        licensing: licensing.get(version.id) ?? null,
        file: {
          id: file.id,
          fileName: file.fileName,
          sha256: file.sha256,
          autoV2: file.autov2,
          sizeBytes: file.sizeBytes,
        },
        downloadPath: `/api/v1/model-files/${file.id}/download`,
      })),
    };
  }

  /** 302 to a fresh 5-minute presigned URL (Range-capable), after the access check. */
  @Public()
  @RequireScope('download')
  @Get('model-files/:id/download')
  async download(
    @CurrentActor() viewer: Actor | undefined,
    @Param('id', ParseUuidPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const link = await this.downloads.link(viewer, id);
    await reply.header('cache-control', 'no-store').header('x-content-sha256', link.sha256).redirect(link.url, 302);
  }

  /** For command-line tools: stream the whole file as the request body (application/octet-stream) into an upload. */
  @Put('uploads/:id/content')
  async streamUpload(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Req() request: FastifyRequest,
  ) {
    if (mediaType(request) !== 'application/octet-stream' || !isStream(request.body)) {
      throw new UnsupportedMediaTypeError('Send the file as the body with Content-Type: application/octet-stream', {
        expected: 'application/octet-stream',
      });
    }
    return toModelFile(await this.uploads.streamContent(actor, id, request.body));
  }

  /** Add a sample image (PNG, JPEG or WebP as the raw body) to a draft version. */
  @Post('model-versions/:id/sample-images')
  async addSample(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Req() request: FastifyRequest,
  ) {
    if (!IMAGE_TYPES.includes(mediaType(request)) || !Buffer.isBuffer(request.body)) {
      throw new UnsupportedMediaTypeError(
        'Send the image as the body with Content-Type image/png, image/jpeg or image/webp',
        {
          expected: IMAGE_TYPES.join(', '),
        },
      );
    }
    const image = await this.samples.add(actor, id, request.body, mediaType(request));
    return toSampleImage(image, await this.samples.urls(image), []);
  }
}
