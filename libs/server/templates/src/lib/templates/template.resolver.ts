import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders, Public, UUIDScalar } from '@lookbook/core';
import { SampleImage } from '@lookbook/catalog';
import { PublicMedia } from '@lookbook/storage';
import {
  fromParams,
  fromSlotInput,
  toRendered,
  toTemplate,
  toTemplateImage,
  toTemplateOwner,
  toVersion,
} from '../graphql/template.mapper';
import {
  CreateTemplateInput,
  RenderedTemplate,
  TemplateOwner,
  TemplateParamInput,
  TemplateSlot,
  TemplateVersion,
  WorkflowTemplate,
} from '../graphql/template.objects';
import { TemplatesLoaders } from '../templates.loaders';
import { TemplateService } from './template.service';

@Resolver(() => WorkflowTemplate)
export class TemplateResolver {
  constructor(
    private readonly templates: TemplateService,
    private readonly loaders: TemplatesLoaders,
    private readonly media: PublicMedia,
  ) {}

  @ResolveField(() => SampleImage, {
    nullable: true,
    description: 'The first sample image of the newest published version (the image it was imported from).',
  })
  async cover(@Parent() template: WorkflowTemplate, @Loaders() loaders: LoaderRegistry): Promise<SampleImage | null> {
    // One read for every card on a page.
    const image = await this.loaders.covers(loaders).load(template.id);
    return image && toTemplateImage(image, (key) => this.media.url(key));
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
  async owner(@Parent() template: WorkflowTemplate, @Loaders() loaders: LoaderRegistry): Promise<TemplateOwner | null> {
    // One read for every template on a page (search results).
    const owner = await this.loaders.owners(loaders).load(template.ownerId);
    return owner && toTemplateOwner(owner);
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
    return toRendered(await this.templates.render(viewer, versionId, fromParams(params)));
  }
}
