import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders, SafeIntScalar } from '@lookbook/core';
import { StyleModel } from '@lookbook/catalog';
import { CommunityLoaders } from '../community.loaders';

/** Community's fields on a model: counts from counter rows and "you liked this", batched per page. */
@Resolver(() => StyleModel)
export class ModelSocialResolver {
  constructor(private readonly loaders: CommunityLoaders) {}

  @ResolveField(() => SafeIntScalar, { description: 'How many members like this model.' })
  async likeCount(@Parent() model: StyleModel, @Loaders() loaders: LoaderRegistry): Promise<number> {
    return (await this.loaders.counts(loaders, 'MODEL').load(model.id)).LIKES;
  }

  @ResolveField(() => SafeIntScalar, { description: 'Downloads of all its versions.' })
  async downloadCount(@Parent() model: StyleModel, @Loaders() loaders: LoaderRegistry): Promise<number> {
    return (await this.loaders.counts(loaders, 'MODEL').load(model.id)).DOWNLOADS;
  }

  @ResolveField(() => Boolean, { description: 'Whether you like it (false when signed out).' })
  async viewerHasLiked(
    @Parent() model: StyleModel,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    return viewer ? this.loaders.liked(loaders, viewer.userId, 'MODEL').load(model.id) : false;
  }
}
