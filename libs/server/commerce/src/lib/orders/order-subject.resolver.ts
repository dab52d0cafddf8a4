import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders } from '@lookbook/core';
import type { SubjectObject } from '@lookbook/templates';
import { SubjectUnion, TemplatesFacade } from '@lookbook/templates';
import { Order } from '../graphql/commerce.objects';

/** What an order's first line bought, as a `Subject` — the order-level twin of `OrderLine.subject`, kept for receipts. */
@Resolver(() => Order)
export class OrderSubjectResolver {
  constructor(private readonly templates: TemplatesFacade) {}

  @ResolveField(() => SubjectUnion, {
    nullable: true,
    description: 'What was bought, while you may see it (null once it is not).',
    deprecationReason: 'An order has lines (one per licence): read `lines { subject }`. This is its first line’s.',
  })
  subject(
    @Parent() order: Order,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<SubjectObject | null> {
    return this.templates.subject(loaders, viewer, { kind: order.subjectKind, subjectId: order.subjectId });
  }
}
