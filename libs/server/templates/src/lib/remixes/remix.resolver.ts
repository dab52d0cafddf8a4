import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, UUIDScalar } from '@lookbook/core';
import { toTemplate } from '../graphql/template.mapper';
import { RemixTermsObject, WorkflowTemplate } from '../graphql/template.objects';
import { RemixService } from './remix.service';

@Resolver(() => WorkflowTemplate)
export class RemixResolver {
  constructor(private readonly remixes: RemixService) {}

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
}
