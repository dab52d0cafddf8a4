import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor, LoaderRegistry } from '@lookbook/core';
import { CurrentActor, Loaders, UUIDScalar } from '@lookbook/core';
import { toTemplate } from '../graphql/template.mapper';
import { TemplateSubgraph, UnbindTemplateResult, WorkflowTemplate } from '../graphql/template.objects';
import { RemixService } from './remix.service';

/** A template's binding to an IP: the subgraph it locks, and unbinding (which releases the lock). */
@Resolver(() => WorkflowTemplate)
export class IpBindingResolver {
  constructor(private readonly remixes: RemixService) {}

  @ResolveField(() => TemplateSubgraph, {
    nullable: true,
    description:
      'The subgraph this template locks to its IP (bound with one): any workflow containing that definition uses the IP.',
  })
  lockedSubgraph(
    @Parent() template: WorkflowTemplate,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TemplateSubgraph | null> {
    if (!template.ipId) return Promise.resolve(null);
    const loader = loaders.get<string, TemplateSubgraph | null>('templates.lockedSubgraph', async (ids) => {
      const locked = await this.remixes.lockedSubgraphs(ids);
      return ids.map((id) => {
        const subgraph = locked.get(id);
        return subgraph ? Object.assign(new TemplateSubgraph(), subgraph) : null;
      });
    });
    return loader.load(template.id);
  }

  @Mutation(() => UnbindTemplateResult, {
    description:
      'IP owners: unbind a template from its IP. Its subgraph lock is released; it and its remixes at any depth leave ' +
      'the IP — no IP share from their next sale (sales made are unchanged), lineage shares and credit lines kept, ' +
      'remixes waiting for approval approved. The template may be bound again.',
  })
  async unbindTemplateFromIp(
    @CurrentActor() actor: Actor,
    @Args('templateId', { type: () => UUIDScalar }) templateId: string,
  ): Promise<UnbindTemplateResult> {
    const outcome = await this.remixes.unbind(actor, templateId);
    return Object.assign(new UnbindTemplateResult(), { ...outcome, template: toTemplate(outcome.template) });
  }
}
