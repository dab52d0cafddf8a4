import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { StyleModel } from '@lookbook/catalog';
import { LoaderRegistry, Loaders } from '@lookbook/core';
import { WorkflowTemplate } from '@lookbook/templates';
import { CollectionLoaders } from './collection.loaders';
import { CollectionItem } from './collection.objects';

/** The cards of a collection's items: one statement per kind per request, through the catalog and templates. */
@Resolver(() => CollectionItem)
export class CollectionItemResolver {
  constructor(private readonly loaders: CollectionLoaders) {}

  @ResolveField(() => StyleModel, { nullable: true, description: 'The model, for an available MODEL item.' })
  async model(@Parent() item: CollectionItem, @Loaders() loaders: LoaderRegistry): Promise<StyleModel | null> {
    return item.kind === 'MODEL' && item.available ? this.loaders.models(loaders).load(item.itemId) : null;
  }

  @ResolveField(() => WorkflowTemplate, {
    nullable: true,
    description: 'The template, for an available TEMPLATE item.',
  })
  async template(@Parent() item: CollectionItem, @Loaders() loaders: LoaderRegistry): Promise<WorkflowTemplate | null> {
    return item.kind === 'TEMPLATE' && item.available ? this.loaders.templateCards(loaders).load(item.itemId) : null;
  }
}
