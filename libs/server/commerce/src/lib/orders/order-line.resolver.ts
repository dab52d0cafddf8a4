import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders } from '@lookbook/core';
import type { SubjectObject } from '@lookbook/templates';
import { SubjectUnion, TemplatesFacade } from '@lookbook/templates';
import { OrderLine } from '../graphql/commerce.objects';

/** What an order line bought, as a `Subject` (batched with every other subject on the page). */
@Resolver(() => OrderLine)
export class OrderLineResolver {
  constructor(private readonly templates: TemplatesFacade) {}

  @ResolveField(() => SubjectUnion, {
    nullable: true,
    description: 'What was bought: the style model or workflow template, while you may see it (null once it is not).',
  })
  subject(
    @Parent() line: OrderLine,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<SubjectObject | null> {
    return this.templates.subject(loaders, viewer, { kind: line.subjectKind, subjectId: line.subjectId });
  }
}
