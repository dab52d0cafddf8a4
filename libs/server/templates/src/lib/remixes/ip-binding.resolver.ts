import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor, LoaderRegistry } from '@lookbook/core';
import { CurrentActor, Loaders, UUIDScalar } from '@lookbook/core';
import { toTemplate } from '../graphql/template.mapper';
import {
  TemplateIpBinding,
  TemplateSubgraph,
  UnbindTemplateResult,
  WorkflowTemplate,
} from '../graphql/template.objects';
import { RemixService } from './remix.service';

/** A template's own binding to an IP (and the subgraph it locks), and unbinding, which releases the lock. */
@Resolver(() => WorkflowTemplate)
export class IpBindingResolver {
  constructor(private readonly remixes: RemixService) {}

  @ResolveField(() => TemplateIpBinding, {
    nullable: true,
    description: 'Its own binding to an IP (null for a remix, which belongs to the IP through its parent).',
  })
  ipBinding(
    @Parent() template: WorkflowTemplate,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TemplateIpBinding | null> {
    if (!template.ipId) return Promise.resolve(null);
    // One read for every template on a page.
    const loader = loaders.get<string, TemplateIpBinding | null>('templates.ipBinding', async (ids) => {
      const bindings = await this.remixes.bindings(ids);
      return ids.map((id) => {
        const binding = bindings.get(id);
        return binding
          ? Object.assign(new TemplateIpBinding(), {
              ipId: binding.ipId,
              boundAt: binding.boundAt,
              lockedSubgraph: binding.lockedSubgraph && Object.assign(new TemplateSubgraph(), binding.lockedSubgraph),
            })
          : null;
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
