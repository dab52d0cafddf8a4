import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@lookbook/core';
import { CurrentActor, ParseUuidPipe, Public, RequireScope } from '@lookbook/core';
import { NotFoundError } from '@lookbook/kernel';
import { CatalogPolicies } from '../policies/catalog-policies';
import { DownloadService } from './download.service';

/**
 * Tool-friendly REST routes for finding and downloading files. Errors are `{ "error": { "code", "message" } }`: 404
 * NOT_FOUND-style codes, 401 UNAUTHENTICATED, 403 LICENSE_REQUIRED — so a script can tell "no such file" from "sign
 * in" from "buy a licence".
 */
@Controller('api/v1')
export class DownloadController {
  constructor(
    private readonly downloads: DownloadService,
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
}
