import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders, SafeIntScalar } from '@lookbook/core';
import { SampleImage } from '@lookbook/catalog';
import { CommunityLoaders } from '../community.loaders';

/** Community's fields on a sample image, batched per page. */
@Resolver(() => SampleImage)
export class ImageSocialResolver {
  constructor(private readonly loaders: CommunityLoaders) {}

  @ResolveField(() => SafeIntScalar, { description: 'How many members like this image.' })
  async likeCount(@Parent() image: SampleImage, @Loaders() loaders: LoaderRegistry): Promise<number> {
    return (await this.loaders.counts(loaders, 'IMAGE').load(image.id)).LIKES;
  }

  @ResolveField(() => Boolean, { description: 'Whether you like it (false when signed out).' })
  async viewerHasLiked(
    @Parent() image: SampleImage,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    return viewer ? this.loaders.liked(loaders, viewer.userId, 'IMAGE').load(image.id) : false;
  }
}
