import { Injectable } from '@nestjs/common';
import { isUuid } from '@lookbook/kernel';
import { PaymentProvider } from '../provider/payment-provider';
import { FulfilmentService } from './fulfilment.service';
import type { OrderEntity } from './order.entity';
import type { Outcome } from './order.service';
import { OrderService } from './order.service';

/**
 * The provider's own record of a checkout session is the truth; events are only a prompt to look. So a forged, stale
 * or out-of-order event body cannot fulfil anything: every checkout event re-reads the session and acts on that.
 */
@Injectable()
export class CheckoutSync {
  constructor(
    private readonly provider: PaymentProvider,
    private readonly fulfilment: FulfilmentService,
    private readonly orders: OrderService,
  ) {}

  /** Re-reads the session from the provider: a paid one is fulfilled, an expired one closes its order. */
  async syncSession(sessionId: string): Promise<Outcome> {
    const session = await this.provider.retrieveCheckoutSession(sessionId);
    const orderId = session.orderId;
    if (!orderId || !isUuid(orderId)) return 'not our session';
    if (session.status === 'expired') return this.orders.expire(orderId);
    if (session.paymentStatus !== 'paid') return 'not paid yet';
    return this.fulfilment.fulfil({ ...session, orderId });
  }

  /** For events about a payment whose completion we have not seen yet: look the session up ourselves. */
  async syncOrder(order: OrderEntity): Promise<Outcome> {
    if (!order.checkoutSessionId) return 'no checkout session';
    return this.syncSession(order.checkoutSessionId);
  }
}
