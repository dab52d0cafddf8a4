import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { StyleModel } from '@lookbook/catalog';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders } from '@lookbook/core';
import { toTemplate } from '../graphql/template.mapper';
import { LineageEdgeObject, WorkflowTemplate } from '../graphql/template.objects';
import { TemplatesLoaders } from '../templates.loaders';

/** The two ends of a lineage edge: templates the viewer may see, and a derived model's published parent model. */
@Resolver(() => LineageEdgeObject)
export class LineageEdgeResolver {
  constructor(private readonly loaders: TemplatesLoaders) {}

  @ResolveField(() => WorkflowTemplate, {
    nullable: true,
    description: 'The child template, when you may see it (the IP owner sees remixes waiting for them).',
  })
  async child(
    @Parent() edge: LineageEdgeObject,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<WorkflowTemplate | null> {
    // One read for every edge on the page.
    const template = await this.loaders.visibleTemplates(loaders, viewer).load(edge.childId);
    return template && toTemplate(template);
  }

  @ResolveField(() => WorkflowTemplate, { nullable: true, description: 'The parent template, when you may see it.' })
  async parent(
    @Parent() edge: LineageEdgeObject,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<WorkflowTemplate | null> {
    const template = await this.loaders.visibleTemplates(loaders, viewer).load(edge.parentId);
    return template && toTemplate(template);
  }

  @ResolveField(() => StyleModel, { nullable: true, description: 'The parent, when it is a published style model.' })
  parentModel(@Parent() edge: LineageEdgeObject, @Loaders() loaders: LoaderRegistry): Promise<StyleModel | null> {
    return this.loaders.publishedModels(loaders).load(edge.parentId);
  }
}
