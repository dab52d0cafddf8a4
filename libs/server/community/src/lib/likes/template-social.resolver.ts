import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders, SafeIntScalar } from '@lookbook/core';
import { WorkflowTemplate } from '@lookbook/templates';
import { CommunityLoaders } from '../community.loaders';

/** Community's fields on a workflow template, batched per page. */
@Resolver(() => WorkflowTemplate)
export class TemplateSocialResolver {
  constructor(private readonly loaders: CommunityLoaders) {}

  @ResolveField(() => SafeIntScalar, { description: 'How many members like this template.' })
  async likeCount(@Parent() template: WorkflowTemplate, @Loaders() loaders: LoaderRegistry): Promise<number> {
    return (await this.loaders.counts(loaders, 'TEMPLATE').load(template.id)).LIKES;
  }

  @ResolveField(() => Boolean, { description: 'Whether you like it (false when signed out).' })
  async viewerHasLiked(
    @Parent() template: WorkflowTemplate,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    return viewer ? this.loaders.liked(loaders, viewer.userId, 'TEMPLATE').load(template.id) : false;
  }
}
