import { newTestService } from '@lookbook/testing';
import { anOrder, aPaidSession } from '../../testing';
import type { CheckoutState } from '../provider/payment-provider';
import { PaymentProvider } from '../provider/payment-provider';
import { CheckoutSync } from './checkout-sync.service';
import { FulfilmentService } from './fulfilment.service';
import { OrderService } from './order.service';

const order = anOrder({ status: 'PENDING' });
const session = (change: Partial<CheckoutState>): CheckoutState => aPaidSession({ orderId: order.id, ...change });

function setUp(state: CheckoutState) {
  const { sut, mock } = newTestService(CheckoutSync);
  mock(PaymentProvider).retrieveCheckoutSession.mockResolvedValue(state);
  mock(FulfilmentService).fulfil.mockResolvedValue('fulfilled');
  mock(OrderService).expire.mockResolvedValue('expired');
  return { sut, mock };
}

describe('acting on the provider’s record of a checkout, never an event body', () => {
  it('fulfils a paid session, re-read from the provider', async () => {
    const { sut, mock } = setUp(session({}));
    await expect(sut.syncSession('cs_test_1')).resolves.toBe('fulfilled');
    expect(mock(PaymentProvider).retrieveCheckoutSession).toHaveBeenCalledWith('cs_test_1');
    expect(mock(FulfilmentService).fulfil).toHaveBeenCalledWith(expect.objectContaining({ orderId: order.id }));
  });

  it('closes the order of an expired session', async () => {
    const { sut, mock } = setUp(session({ status: 'expired', paymentStatus: 'unpaid' }));
    await expect(sut.syncSession('cs_test_1')).resolves.toBe('expired');
    expect(mock(OrderService).expire).toHaveBeenCalledWith(order.id);
  });

  it.each(['unpaid', 'no_payment_required', 'processing'])('waits while the payment is %s', async (paymentStatus) => {
    const { sut, mock } = setUp(session({ paymentStatus }));
    await expect(sut.syncSession('cs_test_1')).resolves.toBe('not paid yet');
    expect(mock(FulfilmentService).fulfil).not.toHaveBeenCalled();
  });

  it.each([null, 'not-a-uuid', "1' OR '1'='1"])('ignores sessions that are not ours (order id %p)', async (orderId) => {
    const { sut, mock } = setUp(session({ orderId }));
    await expect(sut.syncSession('cs_test_1')).resolves.toBe('not our session');
    expect(mock(FulfilmentService).fulfil).not.toHaveBeenCalled();
  });

  it('looks up an order’s own session, and has nothing to look up without one', async () => {
    const { sut, mock } = setUp(session({}));
    await expect(sut.syncOrder({ ...order, checkoutSessionId: null })).resolves.toBe('no checkout session');
    expect(mock(PaymentProvider).retrieveCheckoutSession).not.toHaveBeenCalled();
    await expect(sut.syncOrder(order)).resolves.toBe('fulfilled');
  });
});
