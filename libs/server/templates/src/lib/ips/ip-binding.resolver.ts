import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders, UUIDScalar } from '@lookbook/core';
import { toIpBinding, toUnbindResult } from '../graphql/lineage.mapper';
import { TemplateIpBinding, UnbindTemplateResult, WorkflowTemplate } from '../graphql/template.objects';
import { TemplatesLoaders } from '../templates.loaders';
import { IpService } from './ip.service';

/** A template's own binding to an IP (and the subgraph it locks), and unbinding, which releases the lock. */
@Resolver(() => WorkflowTemplate)
export class IpBindingResolver {
  constructor(
    private readonly ips: IpService,
    private readonly loaders: TemplatesLoaders,
  ) {}

  @ResolveField(() => TemplateIpBinding, {
    nullable: true,
    description: 'Its own binding to an IP (null for a remix, which belongs to the IP through its parent).',
  })
  async ipBinding(
    @Parent() template: WorkflowTemplate,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TemplateIpBinding | null> {
    if (!template.ipId) return null;
    // One read for every template on a page.
    const binding = await this.loaders.ipBindings(loaders).load(template.id);
    return binding && toIpBinding(binding);
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
    return toUnbindResult(await this.ips.unbind(actor, templateId));
  }
}
