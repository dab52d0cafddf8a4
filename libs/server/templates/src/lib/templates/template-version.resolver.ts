import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SampleImage } from '@lookbook/catalog';
import { suggestSlots } from '@lookbook/comfyui';
import { LoaderRegistry, Loaders } from '@lookbook/core';
import { PublicMedia } from '@lookbook/storage';
import { toSlot, toSubgraph, toTemplateImage } from '../graphql/template.mapper';
import { TemplateSlot, TemplateSubgraph, TemplateVersion } from '../graphql/template.objects';
import { TemplatesLoaders } from '../templates.loaders';
import { graphOf, subgraphsOf } from '../workflows/workflow-graph';

/** What a version's page reads beside its own fields: sample images, and what its workflow holds. */
@Resolver(() => TemplateVersion)
export class TemplateVersionResolver {
  constructor(
    private readonly loaders: TemplatesLoaders,
    private readonly media: PublicMedia,
  ) {}

  @ResolveField(() => [SampleImage], { description: 'Sample images, oldest first: the first is the cover.' })
  async sampleImages(@Parent() version: TemplateVersion, @Loaders() loaders: LoaderRegistry): Promise<SampleImage[]> {
    const images = await this.loaders.versionImages(loaders).load(version.id);
    return images.map((i) => toTemplateImage(i, (key) => this.media.url(key)));
  }

  @ResolveField(() => [TemplateSubgraph], { description: 'The subgraph definitions in this version’s UI graph.' })
  async subgraphs(@Parent() version: TemplateVersion, @Loaders() loaders: LoaderRegistry): Promise<TemplateSubgraph[]> {
    const stored = await this.loaders.versions(loaders).load(version.id);
    return stored ? subgraphsOf(graphOf(stored)).map(toSubgraph) : [];
  }

  @ResolveField(() => [TemplateSlot], {
    description:
      'Drafts: slots an author would likely mark (seeds, steps, prompts, size…), each checked against the workflow. ' +
      'Empty for published versions (their slots are fixed).',
  })
  async suggestedSlots(
    @Parent() version: TemplateVersion,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TemplateSlot[]> {
    // Only when asked for, and only for drafts: it reads the whole graph.
    if (version.status !== 'DRAFT') return [];
    const stored = await this.loaders.versions(loaders).load(version.id);
    return stored ? suggestSlots(graphOf(stored)).map(toSlot) : [];
  }
}
