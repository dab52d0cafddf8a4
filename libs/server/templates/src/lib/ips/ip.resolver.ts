import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, UUIDScalar } from '@lookbook/core';
import { toIntellectualProperty } from '../graphql/lineage.mapper';
import { toTemplate } from '../graphql/template.mapper';
import {
  IntellectualPropertyObject,
  RegisterIpInput,
  RemixTermsObject,
  WorkflowTemplate,
} from '../graphql/template.objects';
import { IpService } from './ip.service';

/** IP owners: their franchises and characters, and binding a template to one with remix terms. */
@Resolver(() => IntellectualPropertyObject)
export class IpResolver {
  constructor(private readonly ips: IpService) {}

  @Mutation(() => IntellectualPropertyObject, { description: 'Register a franchise or character you own.' })
  async registerIntellectualProperty(
    @CurrentActor() actor: Actor,
    @Args('input') input: RegisterIpInput,
  ): Promise<IntellectualPropertyObject> {
    return toIntellectualProperty(await this.ips.register(actor, input));
  }

  @Query(() => [IntellectualPropertyObject])
  async myIntellectualProperties(@CurrentActor() actor: Actor): Promise<IntellectualPropertyObject[]> {
    return (await this.ips.mine(actor)).map(toIntellectualProperty);
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
    return toTemplate(await this.ips.bind(actor, templateId, ipId, terms, lockedSubgraphId ?? null));
  }
}
