import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CatalogFacade, StyleModel } from '@lookbook/catalog';
import type { Actor, LoaderRegistry } from '@lookbook/core';
import { CurrentActor, Loaders, Public, UUIDScalar } from '@lookbook/core';
import { toTemplate } from '../graphql/template.mapper';
import {
  IntellectualPropertyObject,
  LineageEdgeObject,
  RegisterIpInput,
  RemixTermsObject,
  TemplateLineage,
  WorkflowTemplate,
} from '../graphql/template.objects';
import { TemplateRepository } from '../templates/template.repository';
import { RemixService } from './remix.service';

@Resolver()
export class RemixResolver {
  constructor(private readonly remixes: RemixService) {}

  @Mutation(() => IntellectualPropertyObject, { description: 'Register a franchise or character you own.' })
  registerIntellectualProperty(@CurrentActor() actor: Actor, @Args('input') input: RegisterIpInput) {
    return this.remixes.registerIp(actor, input);
  }

  @Query(() => [IntellectualPropertyObject])
  myIntellectualProperties(@CurrentActor() actor: Actor) {
    return this.remixes.myIps(actor);
  }

  @Mutation(() => WorkflowTemplate, {
    description: 'Bind one of your original templates to your IP, with remix terms.',
  })
  async bindTemplateToIp(
    @CurrentActor() actor: Actor,
    @Args('templateId', { type: () => UUIDScalar }) templateId: string,
    @Args('ipId', { type: () => UUIDScalar }) ipId: string,
    @Args('terms') terms: RemixTermsObject,
    @Args('lockedSubgraphId', {
      type: () => String,
      nullable: true,
      description: 'A subgraph of the newest version that is the IP itself: any workflow containing it uses the IP.',
    })
    lockedSubgraphId?: string | null,
  ): Promise<WorkflowTemplate> {
    return toTemplate(await this.remixes.bind(actor, templateId, ipId, terms, lockedSubgraphId ?? null));
  }

  @Mutation(() => WorkflowTemplate, {
    description:
      "Remix a published template: a new template of yours under the parent's terms (tightened by `terms`), " +
      'passing `shareBps` of its sales to the parent. Under manual approval it waits for the IP owner.',
  })
  async remixTemplate(
    @CurrentActor() actor: Actor,
    @Args('parentId', { type: () => UUIDScalar }) parentId: string,
    @Args('name') name: string,
    @Args('shareBps', { type: () => Int }) shareBps: number,
    @Args('terms', { type: () => RemixTermsObject, nullable: true }) terms?: RemixTermsObject,
  ): Promise<WorkflowTemplate> {
    return toTemplate(await this.remixes.remix(actor, parentId, { name, shareBps, terms }));
  }

  @Mutation(() => LineageEdgeObject, {
    description:
      'Declare that your model derives from a published model (MERGE, FINETUNE, ADAPTER), passing it shareBps of ' +
      'every sale along the royalty cascade.',
  })
  deriveModel(
    @CurrentActor() actor: Actor,
    @Args('modelId', { type: () => UUIDScalar }) modelId: string,
    @Args('parentModelId', { type: () => UUIDScalar }) parentModelId: string,
    @Args('relation') relation: string,
    @Args('shareBps', { type: () => Int }) shareBps: number,
  ) {
    return this.remixes.deriveModel(actor, { modelId, parentModelId, relation, shareBps });
  }

  @Public()
  @Query(() => [LineageEdgeObject], { description: 'The models a model declares it derives from, with their shares.' })
  modelParents(
    @Args('modelId', { type: () => UUIDScalar }) modelId: string,
    @CurrentActor() viewer: Actor | undefined,
  ) {
    return this.remixes.modelParents(viewer, modelId);
  }

  @Mutation(() => LineageEdgeObject, { description: 'IP owners: approve or reject a pending remix (once).' })
  decideRemix(
    @CurrentActor() actor: Actor,
    @Args('templateId', { type: () => UUIDScalar }) templateId: string,
    @Args('approve') approve: boolean,
  ) {
    return this.remixes.decide(actor, templateId, approve);
  }

  @Query(() => [LineageEdgeObject], { description: 'IP owners: remixes waiting for your decision, oldest first.' })
  remixQueue(@CurrentActor() actor: Actor) {
    return this.remixes.queue(actor);
  }

  @Public()
  @Query(() => TemplateLineage, {
    description: 'The remix tree around a template, up to `depth` generations each way.',
  })
  templateLineage(
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('depth', { type: () => Int, defaultValue: 5 }) depth: number,
    @CurrentActor() viewer?: Actor,
  ) {
    return this.remixes.lineage(viewer, id, depth);
  }
}

/** A lineage edge's parent when it is a published model (derived models): the model page lists them by name. */
@Resolver(() => LineageEdgeObject)
export class LineageEdgeResolver {
  constructor(
    private readonly catalog: CatalogFacade,
    private readonly templates: TemplateRepository,
  ) {}

  @ResolveField(() => WorkflowTemplate, {
    nullable: true,
    description: 'The child template, when you may see it (the IP owner sees remixes waiting for them).',
  })
  child(
    @Parent() edge: LineageEdgeObject,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<WorkflowTemplate | null> {
    return this.visibleTemplates(loaders, viewer).load(edge.childId);
  }

  @ResolveField(() => WorkflowTemplate, { nullable: true, description: 'The parent template, when you may see it.' })
  parent(
    @Parent() edge: LineageEdgeObject,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<WorkflowTemplate | null> {
    return this.visibleTemplates(loaders, viewer).load(edge.parentId);
  }

  /** One read for every edge on the page (loaders live per request, so per viewer). */
  private visibleTemplates(loaders: LoaderRegistry, viewer: Actor | undefined) {
    return loaders.get<string, WorkflowTemplate | null>('templates.visible', async (ids) => {
      const found = new Map((await this.templates.visibleTo(ids, viewer?.userId ?? null)).map((t) => [t.id, t]));
      return ids.map((id) => {
        const template = found.get(id);
        return template ? toTemplate(template) : null;
      });
    });
  }

  @ResolveField(() => StyleModel, { nullable: true, description: 'The parent, when it is a published style model.' })
  parentModel(@Parent() edge: LineageEdgeObject, @Loaders() loaders: LoaderRegistry): Promise<StyleModel | null> {
    const loader = loaders.get<string, StyleModel | null>('templates.parentModel', async (ids) => {
      const models = new Map((await this.catalog.publishedModels(ids)).map((m) => [m.id, m]));
      return ids.map((id) => models.get(id) ?? null);
    });
    return loader.load(edge.parentId);
  }
}
