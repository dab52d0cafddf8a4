import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, SafeIntScalar, UUIDScalar } from '@lookbook/core';
import { toRefund } from '../graphql/commerce.mapper';
import { Refund } from '../graphql/commerce.objects';
import { RefundService } from './refund.service';

@Resolver(() => Refund)
export class RefundResolver {
  constructor(private readonly refunds: RefundService) {}

  @Mutation(() => Refund, {
    description:
      'Refund an order line, or every line: buyers get a whole line (or the whole order) back within the refund ' +
      'window; a line’s seller may refund any part of it at any time; support too. A line refunded in full ends its ' +
      'licence; the other lines keep theirs.',
  })
  async refundOrder(
    @CurrentActor() actor: Actor,
    @Args('orderId', { type: () => UUIDScalar }) orderId: string,
    @Args('lineId', {
      type: () => UUIDScalar,
      nullable: true,
      description: 'The line to refund; default: every line (an amount then needs a line when there are several).',
    })
    lineId?: string,
    @Args('amount', {
      type: () => SafeIntScalar,
      nullable: true,
      description: 'Minor units; default: all that is left (of the line, or of the order).',
    })
    amount?: number,
    @Args('note', {
      type: () => String,
      nullable: true,
      description: 'Why (up to 500 characters): shown on the receipt and kept with the ended licence.',
    })
    note?: string,
  ): Promise<Refund> {
    const { refund, lines, orderLines } = await this.refunds.request(actor, orderId, {
      lineId: lineId ?? undefined,
      amount: amount ?? undefined,
      note: note ?? undefined,
    });
    return toRefund(refund, lines, orderLines);
  }
}
