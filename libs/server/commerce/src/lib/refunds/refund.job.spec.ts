import { Logger } from '@nestjs/common';
import { Transactions } from '@lookbook/core';
import { InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { anOrder } from '../../testing';
import { OrderRepository } from '../orders/order.repository';
import { PaymentProvider, ProviderRejectedError } from '../provider/payment-provider';
import type { RefundEntity, RefundStatus } from './refund.entity';
import { RefundJob } from './refund.job';
import { RefundRepository } from './refund.repository';
import { RefundService } from './refund.service';

const REFUND = '0190a5b0-0000-7000-8000-0000000000f1';
const order = anOrder({ paymentIntentId: 'pi_42' });

function setUp(status: RefundStatus | null, amount = 400) {
  const transactions = new InlineTransactions();
  const { sut, mock } = newTestService(RefundJob, [[Transactions, transactions]]);
  const refund = status ? ({ id: REFUND, orderId: order.id, status, amount } as RefundEntity) : null;
  mock(RefundRepository).byId.mockResolvedValue(refund);
  mock(OrderRepository).byId.mockResolvedValue(order);
  mock(RefundService).applySucceeded.mockResolvedValue(true);
  mock(RefundService).markFailed.mockResolvedValue(undefined);
  return { run: () => sut.handle({ refundId: REFUND }), mock, transactions };
}

describe('sending a recorded refund to the provider', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([150, 1000])('refunds %i once, keyed by the refund, then applies it in one transaction', async (amount) => {
    const { run, mock, transactions } = setUp('PENDING', amount);
    mock(PaymentProvider).createRefund.mockResolvedValue({ id: 're_1', status: 'succeeded' });
    await run();
    expect(mock(PaymentProvider).createRefund).toHaveBeenCalledWith(
      { paymentIntentId: 'pi_42', amount, metadata: { order_id: order.id } },
      `refund:${REFUND}`,
    );
    expect(mock(RefundService).applySucceeded).toHaveBeenCalledWith(TEST_MANAGER, REFUND, 're_1');
    expect(transactions.count).toBe(1);
  });

  it.each(['SUCCEEDED', 'FAILED', null] as const)('does nothing for a refund that is %s', async (status) => {
    const { run, mock } = setUp(status);
    await run();
    expect(mock(PaymentProvider).createRefund).not.toHaveBeenCalled();
    expect(mock(RefundService).applySucceeded).not.toHaveBeenCalled();
  });

  it('marks the refund failed when the provider refuses it, and does not retry', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { run, mock } = setUp('PENDING');
    mock(PaymentProvider).createRefund.mockRejectedValue(
      new ProviderRejectedError('charge disputed', 'charge_disputed'),
    );
    await expect(run()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(`refund ${REFUND} refused by the provider: charge_disputed`);
    expect(mock(RefundService).markFailed).toHaveBeenCalledWith(REFUND);
    expect(mock(RefundService).applySucceeded).not.toHaveBeenCalled();
  });

  it('fails the job on any other error, so the queue retries with the same key', async () => {
    const { run, mock } = setUp('PENDING');
    mock(PaymentProvider).createRefund.mockRejectedValue(new Error('socket hang up'));
    await expect(run()).rejects.toThrow('socket hang up');
    expect(mock(RefundService).markFailed).not.toHaveBeenCalled();
  });
});
