import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor, LoaderRegistry } from '@lookbook/core';
import { CurrentActor, Loaders, Public, UUIDScalar } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { suggestSlots } from '@lookbook/comfyui';
import { SampleImage } from '@lookbook/catalog';
import { PublicMedia } from '@lookbook/storage';
import { fromParams, fromSlotInput, toSlot, toTemplate, toTemplateImage, toVersion } from '../graphql/template.mapper';
import {
  CreateTemplateInput,
  RenderedTemplate,
  TemplateOwner,
  TemplateParamInput,
  TemplateSlot,
  TemplateSubgraph,
  TemplateVersion,
  WorkflowTemplate,
} from '../graphql/template.objects';
import { TemplateRepository } from './template.repository';
import { graphOf, subgraphsOf, TemplateService } from './template.service';

@Resolver(() => WorkflowTemplate)
export class TemplateResolver {
  constructor(
    private readonly templates: TemplateService,
    private readonly identity: IdentityFacade,
    private readonly rows: TemplateRepository,
    private readonly media: PublicMedia,
  ) {}

  @ResolveField(() => SampleImage, {
    nullable: true,
    description: 'The first sample image of the newest published version (the image it was imported from).',
  })
  cover(@Parent() template: WorkflowTemplate, @Loaders() loaders: LoaderRegistry): Promise<SampleImage | null> {
    // One read for every card on a page.
    const loader = loaders.get<string, SampleImage | null>('templates.cover', async (ids) => {
      const covers = await this.rows.coversOf(ids);
      return ids.map((id) => {
        const image = covers.get(id);
        return image ? toTemplateImage(image, (key) => this.media.url(key)) : null;
      });
    });
    return loader.load(template.id);
  }

  @Mutation(() => WorkflowTemplate, {
    description: 'Start a workflow template (a draft); add versions by importing a workflow file.',
  })
  async createTemplate(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateTemplateInput,
  ): Promise<WorkflowTemplate> {
    return toTemplate(await this.templates.create(actor, input));
  }

  @Query(() => [WorkflowTemplate], { description: 'Your templates (drafts too), newest first.' })
  async myTemplates(@CurrentActor() actor: Actor): Promise<WorkflowTemplate[]> {
    return (await this.templates.mine(actor)).map(toTemplate);
  }

  @Public()
  @Query(() => WorkflowTemplate, { description: 'A published template (or your own draft).' })
  async template(
    @Args('id', { type: () => UUIDScalar }) id: string,
    @CurrentActor() viewer?: Actor,
  ): Promise<WorkflowTemplate> {
    return toTemplate(await this.templates.visible(viewer, id));
  }

  @ResolveField(() => TemplateOwner, { nullable: true })
  owner(@Parent() template: WorkflowTemplate, @Loaders() loaders: LoaderRegistry): Promise<TemplateOwner | null> {
    // One read for every template on a page (search results).
    const loader = loaders.get<string, TemplateOwner | null>('templates.owner', async (ids) => {
      const users = new Map((await this.identity.usersByIds(ids)).map((u) => [u.id, u]));
      return ids.map((id) => users.get(id) ?? null);
    });
    return loader.load(template.ownerId);
  }

  @ResolveField(() => [TemplateVersion], { description: 'Newest first; drafts only for the owner.' })
  async versions(@Parent() template: WorkflowTemplate, @CurrentActor() viewer?: Actor): Promise<TemplateVersion[]> {
    // The parent query already checked the template is visible to this viewer.
    return (await this.templates.versions(viewer, template)).map(toVersion);
  }

  @Public()
  @Query(() => TemplateVersion)
  async templateVersion(
    @Args('id', { type: () => UUIDScalar }) id: string,
    @CurrentActor() viewer?: Actor,
  ): Promise<TemplateVersion> {
    return toVersion(await this.templates.visibleVersion(viewer, id));
  }

  @Mutation(() => TemplateVersion, {
    description: "Set a draft version's parameter slots (each checked against the workflow).",
  })
  async setTemplateSlots(
    @CurrentActor() actor: Actor,
    @Args('versionId', { type: () => UUIDScalar }) versionId: string,
    @Args('slots', { type: () => [TemplateSlot] }) slots: TemplateSlot[],
  ): Promise<TemplateVersion> {
    return toVersion(await this.templates.setSlots(actor, versionId, slots.map(fromSlotInput)));
  }

  @Mutation(() => TemplateVersion, { description: 'Publish a draft version: from now on it is fixed.' })
  async publishTemplateVersion(
    @CurrentActor() actor: Actor,
    @Args('versionId', { type: () => UUIDScalar }) versionId: string,
  ): Promise<TemplateVersion> {
    return toVersion(await this.templates.publish(actor, versionId));
  }

  @Public()
  @Query(() => RenderedTemplate, {
    description: 'A version with these parameter values (the others at their defaults), in both ComfyUI formats.',
  })
  async renderTemplate(
    @Args('versionId', { type: () => UUIDScalar }) versionId: string,
    @Args('params', { type: () => [TemplateParamInput], defaultValue: [] }) params: TemplateParamInput[],
    @CurrentActor() viewer?: Actor,
  ): Promise<RenderedTemplate> {
    return this.templates.render(viewer, versionId, fromParams(params));
  }
}

@Resolver(() => TemplateVersion)
export class TemplateVersionResolver {
  constructor(
    private readonly rows: TemplateRepository,
    private readonly media: PublicMedia,
  ) {}

  @ResolveField(() => [SampleImage], { description: 'Sample images, oldest first: the first is the cover.' })
  sampleImages(@Parent() version: TemplateVersion, @Loaders() loaders: LoaderRegistry): Promise<SampleImage[]> {
    const loader = loaders.get<string, SampleImage[]>('templates.versionImages', async (ids) => {
      const images = await this.rows.imagesOf(ids);
      return ids.map((id) =>
        images.filter((i) => i.versionId === id).map((i) => toTemplateImage(i, (key) => this.media.url(key))),
      );
    });
    return loader.load(version.id);
  }

  @ResolveField(() => [TemplateSubgraph], { description: 'The subgraph definitions in this version’s UI graph.' })
  subgraphs(@Parent() version: TemplateVersion): TemplateSubgraph[] {
    return subgraphsOf(graphOf(version.entity)).map((s) => Object.assign(new TemplateSubgraph(), s));
  }

  @ResolveField(() => [TemplateSlot], {
    description:
      'Drafts: slots an author would likely mark (seeds, steps, prompts, size…), each checked against the workflow. ' +
      'Empty for published versions (their slots are fixed).',
  })
  suggestedSlots(@Parent() version: TemplateVersion): TemplateSlot[] {
    // Only when asked for, and only for drafts: it reads the whole graph.
    return version.status === 'DRAFT' ? suggestSlots(graphOf(version.entity)).map(toSlot) : [];
  }
}
