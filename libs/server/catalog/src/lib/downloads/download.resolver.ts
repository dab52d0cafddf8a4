import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, Public, RequireScope, UUIDScalar } from '@lookbook/core';
import { DownloadLink } from '../graphql/catalog-files.objects';
import { DownloadService } from './download.service';

@Resolver()
export class DownloadResolver {
  constructor(private readonly downloads: DownloadService) {}

  @Public()
  @RequireScope('download')
  @Mutation(() => DownloadLink, {
    description: 'A 5-minute download URL for a file you may download (free, yours, or licensed).',
  })
  requestModelFileDownload(
    @CurrentActor() viewer: Actor | undefined,
    @Args('fileId', { type: () => UUIDScalar }) fileId: string,
  ): Promise<DownloadLink> {
    return this.downloads.link(viewer, fileId);
  }
}
