import { newTestService } from '@lookbook/testing';
import { anOrder } from '../../testing';
import { DisputeService } from '../disputes/dispute.service';
import { CheckoutSync } from '../orders/checkout-sync.service';
import type { OrderEntity } from '../orders/order.entity';
import { OrderRepository } from '../orders/order.repository';
import { OrderService } from '../orders/order.service';
import type { ProviderEvent } from '../provider/payment-provider';
import { ProviderRejectedError } from '../provider/payment-provider';
import { RefundService } from '../refunds/refund.service';
import { ProcessEventJob } from './process-event.job';
import type { WebhookEventEntity } from './webhook-event.entity';
import { WebhookInbox } from './webhook-inbox.service';

const order = anOrder();

function stored(type: string, object: Record<string, unknown>, processedAt: Date | null = null): WebhookEventEntity {
  return {
    id: 'evt_1',
    type,
    account: null,
    payload: { id: 'evt_1', type, data: { object } } as unknown as ProviderEvent,
    receivedAt: new Date(),
    processedAt,
    outcome: null,
  };
}

function setUp(event: WebhookEventEntity | null, known: { byCharge?: OrderEntity | null; byId?: OrderEntity[] } = {}) {
  const { sut, mock } = newTestService(ProcessEventJob);
  const inbox = mock(WebhookInbox);
  inbox.get.mockResolvedValue(event);
  inbox.markProcessed.mockResolvedValue(undefined);
  const orders = mock(OrderRepository);
  orders.byChargeId.mockResolvedValue(known.byCharge === undefined ? order : known.byCharge);
  for (const o of known.byId ?? []) orders.byId.mockResolvedValueOnce(o);
  return { run: () => sut.handle({ eventId: 'evt_1' }), mock, inbox };
}

describe('processing a stored provider event', () => {
  it('re-reads the checkout session for every checkout event, and records the outcome', async () => {
    const { run, mock, inbox } = setUp(stored('checkout.session.completed', { id: 'cs_1' }));
    mock(CheckoutSync).syncSession.mockResolvedValue('fulfilled');
    await run();
    expect(mock(CheckoutSync).syncSession).toHaveBeenCalledWith('cs_1');
    expect(inbox.markProcessed).toHaveBeenCalledWith('evt_1', 'fulfilled');
  });

  it('skips an event already processed (a second job for it)', async () => {
    const { run, inbox, mock } = setUp(stored('checkout.session.completed', { id: 'cs_1' }, new Date()));
    await run();
    expect(mock(CheckoutSync).syncSession).not.toHaveBeenCalled();
    expect(inbox.markProcessed).not.toHaveBeenCalled();
  });

  it.each([{}, { order_id: 'nope' }])('ignores failed payments that are not ours (metadata %p)', async (metadata) => {
    const { run, inbox, mock } = setUp(stored('payment_intent.payment_failed', { id: 'pi_1', metadata }));
    await run();
    expect(mock(OrderService).paymentFailed).not.toHaveBeenCalled();
    expect(inbox.markProcessed).toHaveBeenCalledWith('evt_1', 'not our payment');
  });

  it('records a declined attempt on its order with the provider’s message', async () => {
    const intent = { id: 'pi_1', metadata: { order_id: order.id }, last_payment_error: { message: 'Card declined' } };
    const { run, mock } = setUp(stored('payment_intent.payment_failed', intent));
    mock(OrderService).paymentFailed.mockResolvedValue('payment failure recorded');
    await run();
    expect(mock(OrderService).paymentFailed).toHaveBeenCalledWith(order.id, 'Card declined');
  });

  it('syncs refunds made at the provider on charge.refunded', async () => {
    const charge = { id: 'ch_test_1', amount_refunded: 400, refunds: { data: [{ id: 're_9' }] } };
    const { run, mock } = setUp(stored('charge.refunded', charge));
    mock(RefundService).syncChargeRefunds.mockResolvedValue('recorded external refund of 400');
    await run();
    expect(mock(RefundService).syncChargeRefunds).toHaveBeenCalledWith(order.id, 400, 're_9');
  });

  it('fails (to be retried) a charge event whose completion has not arrived yet, after asking the provider', async () => {
    const pending = { ...order, status: 'PENDING' as const, chargeId: null };
    const { run, mock, inbox } = setUp(
      stored('charge.refunded', { id: 'ch_new', transfer_group: `order:${order.id}`, amount_refunded: 1000 }),
      { byCharge: null, byId: [pending, pending] },
    );
    mock(CheckoutSync).syncOrder.mockResolvedValue('not paid yet');
    await expect(run()).rejects.toThrow(/not paid yet/);
    expect(mock(CheckoutSync).syncOrder).toHaveBeenCalledWith(pending);
    expect(inbox.markProcessed).not.toHaveBeenCalled();
  });

  it('goes on once the provider confirms the late payment', async () => {
    const pending = { ...order, status: 'PENDING' as const, chargeId: null };
    const { run, mock } = setUp(
      stored('charge.refunded', { id: 'ch_new', transfer_group: `order:${order.id}`, amount_refunded: 1000 }),
      { byCharge: null, byId: [pending, order] },
    );
    mock(CheckoutSync).syncOrder.mockResolvedValue('fulfilled');
    mock(RefundService).syncChargeRefunds.mockResolvedValue('recorded external refund of 1000');
    await run();
    expect(mock(RefundService).syncChargeRefunds).toHaveBeenCalledWith(order.id, 1000, null);
  });

  it('retries a dispute on a charge not matched to an order yet (disputes carry no transfer group)', async () => {
    const { run, mock } = setUp(
      stored('charge.dispute.created', { id: 'dp_1', charge: 'ch_new', amount: 1000, reason: 'fraudulent' }),
      { byCharge: null },
    );
    await expect(run()).rejects.toThrow(/not matched/);
    expect(mock(DisputeService).opened).not.toHaveBeenCalled();
  });

  it('records a permanent provider refusal as the outcome instead of retrying forever', async () => {
    const { run, mock, inbox } = setUp(stored('checkout.session.completed', { id: 'cs_gone' }));
    mock(CheckoutSync).syncSession.mockRejectedValue(new ProviderRejectedError('No such session', 'resource_missing'));
    await run();
    expect(inbox.markProcessed).toHaveBeenCalledWith('evt_1', 'provider refused: resource_missing');
  });

  it('records event types it does not handle as ignored', async () => {
    const { run, inbox } = setUp(stored('customer.created', { id: 'cus_1' }));
    await run();
    expect(inbox.markProcessed).toHaveBeenCalledWith('evt_1', 'ignored');
  });
});
