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
      'Refund an order: buyers get a full refund within the refund window; the seller may refund any part at any ' +
      'time; support too. A full refund ends the licence.',
  })
  async refundOrder(
    @CurrentActor() actor: Actor,
    @Args('orderId', { type: () => UUIDScalar }) orderId: string,
    @Args('amount', {
      type: () => SafeIntScalar,
      nullable: true,
      description: 'Minor units; default: all that is left.',
    })
    amount?: number,
  ): Promise<Refund> {
    return toRefund(await this.refunds.request(actor, orderId, amount ?? undefined));
  }
}
