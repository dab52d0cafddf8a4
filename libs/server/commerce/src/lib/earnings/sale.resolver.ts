import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders } from '@lookbook/core';
import type { SubjectObject } from '@lookbook/templates';
import { SubjectUnion, TemplatesFacade } from '@lookbook/templates';
import { Sale } from '../graphql/commerce.objects';

/** What a sale sold, as a `Subject` (batched with every other subject on the page). */
@Resolver(() => Sale)
export class SaleResolver {
  constructor(private readonly templates: TemplatesFacade) {}

  @ResolveField(() => SubjectUnion, {
    nullable: true,
    description: 'What was sold: the style model or workflow template, while you may see it (null once it is not).',
  })
  subject(
    @Parent() sale: Sale,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<SubjectObject | null> {
    return this.templates.subject(loaders, viewer, { kind: sale.subjectKind, subjectId: sale.subjectId });
  }
}
