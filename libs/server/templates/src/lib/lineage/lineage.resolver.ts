import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, Public, UUIDScalar } from '@lookbook/core';
import { toLineage, toLineageEdge } from '../graphql/lineage.mapper';
import { LineageEdgeObject, TemplateLineage } from '../graphql/template.objects';
import { LineageService } from './lineage.service';

/** The remix tree, the IP owner's approvals, and derived models. */
@Resolver(() => LineageEdgeObject)
export class LineageResolver {
  constructor(private readonly lineage: LineageService) {}

  @Mutation(() => LineageEdgeObject, {
    description:
      'Declare that your model derives from a published model (MERGE, FINETUNE, ADAPTER), passing it shareBps of ' +
      'every sale along the royalty cascade.',
  })
  async deriveModel(
    @CurrentActor() actor: Actor,
    @Args('modelId', { type: () => UUIDScalar }) modelId: string,
    @Args('parentModelId', { type: () => UUIDScalar }) parentModelId: string,
    @Args('relation') relation: string,
    @Args('shareBps', { type: () => Int }) shareBps: number,
  ): Promise<LineageEdgeObject> {
    return toLineageEdge(await this.lineage.deriveModel(actor, { modelId, parentModelId, relation, shareBps }));
  }

  @Public()
  @Query(() => [LineageEdgeObject], { description: 'The models a model declares it derives from, with their shares.' })
  async modelParents(
    @Args('modelId', { type: () => UUIDScalar }) modelId: string,
    @CurrentActor() viewer: Actor | undefined,
  ): Promise<LineageEdgeObject[]> {
    return (await this.lineage.modelParents(viewer, modelId)).map(toLineageEdge);
  }

  @Mutation(() => LineageEdgeObject, { description: 'IP owners: approve or reject a pending remix (once).' })
  async decideRemix(
    @CurrentActor() actor: Actor,
    @Args('templateId', { type: () => UUIDScalar }) templateId: string,
    @Args('approve') approve: boolean,
  ): Promise<LineageEdgeObject> {
    return toLineageEdge(await this.lineage.decide(actor, templateId, approve));
  }

  @Query(() => [LineageEdgeObject], { description: 'IP owners: remixes waiting for your decision, oldest first.' })
  async remixQueue(@CurrentActor() actor: Actor): Promise<LineageEdgeObject[]> {
    return (await this.lineage.queue(actor)).map(toLineageEdge);
  }

  @Public()
  @Query(() => TemplateLineage, {
    description: 'The remix tree around a template, up to `depth` generations each way.',
  })
  async templateLineage(
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('depth', { type: () => Int, defaultValue: 5 }) depth: number,
    @CurrentActor() viewer?: Actor,
  ): Promise<TemplateLineage> {
    return toLineage(await this.lineage.tree(viewer, id, depth));
  }
}
