import { Clock, Transactions } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { LicensingFacade } from '@lookbook/licensing';
import { FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { anOrder, anOrderLine } from '../../testing';
import { Books } from '../money/books';
import type { OrderEntity } from '../orders/order.entity';
import { OrderRepository } from '../orders/order.repository';
import { ClawbackService } from '../refunds/clawback.service';
import { RefundRepository } from '../refunds/refund.repository';
import type { DisputeEntity } from './dispute.entity';
import { DisputeRepository } from './dispute.repository';
import { DisputeService } from './dispute.service';

const order = anOrder({ amount: 1500 });
// A charge of two lines: both bear a lost dispute, and both licences end.
const lines = [
  anOrderLine(),
  anOrderLine({ position: 2, amount: 500, grantId: '00000000-0000-4000-8000-000000000098' }),
];
const seller = lines[0]!.sellerId;
const opened: DisputeEntity = {
  id: 'dp_1',
  orderId: order.id,
  amount: 1000,
  reason: 'fraudulent',
  status: 'OPEN',
  openedAt: new Date('2026-03-10T00:00:00.000Z'),
  closedAt: null,
};

function setUp(current: OrderEntity | null = order, dispute: DisputeEntity | null = opened) {
  const { sut, mock } = newTestService(DisputeService, [
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(new Date('2026-04-01T00:00:00.000Z'))],
  ]);
  const orders = mock(OrderRepository);
  orders.lock.mockResolvedValue(current);
  orders.update.mockResolvedValue(undefined);
  orders.linesOf.mockResolvedValue(lines);
  const disputes = mock(DisputeRepository);
  disputes.insertIfNew.mockResolvedValue(true);
  disputes.lock.mockResolvedValue(dispute);
  disputes.close.mockResolvedValue(undefined);
  const ledger = mock(LedgerService);
  ledger.post.mockResolvedValue({} as never);
  mock(LicensingFacade).revoke.mockResolvedValue({} as never);
  mock(ClawbackService).clawBack.mockResolvedValue({
    platformPart: 150,
    parts: [{ line: 1, recipientId: seller, amount: 850 }],
  });
  return { sut, mock, orders, disputes, ledger };
}

const facts = { id: 'dp_1', orderId: order.id, amount: 1000, reason: 'fraudulent\u0000' };

describe('a dispute opening', () => {
  it('books the money the provider took as a dispute loss and marks the order disputed', async () => {
    const { sut, orders, disputes, ledger } = setUp();
    await expect(sut.opened(facts)).resolves.toBe('dispute opened');
    expect(disputes.insertIfNew).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ id: 'dp_1', amount: 1000, reason: 'fraudulent', status: 'OPEN' }),
    );
    expect(ledger.post).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ kind: 'DISPUTE_OPENED', externalRef: 'dispute:dp_1:opened' }),
    );
    expect(orders.update).toHaveBeenCalledWith(order.id, expect.objectContaining({ status: 'DISPUTED' }), TEST_MANAGER);
  });

  it('leaves a fully refunded order REFUNDED (the buyer already has the money back)', async () => {
    const { sut, orders, ledger } = setUp({ ...order, status: 'REFUNDED' });
    await sut.opened(facts);
    expect(ledger.post).toHaveBeenCalled();
    expect(orders.update).not.toHaveBeenCalled();
  });

  it('records a redelivered opening once', async () => {
    const { sut, disputes, ledger } = setUp();
    disputes.insertIfNew.mockResolvedValue(false);
    await expect(sut.opened(facts)).resolves.toBe('already recorded');
    expect(ledger.post).not.toHaveBeenCalled();
  });
});

describe('a dispute closing', () => {
  it('won: the money comes back and the order returns to what its refunds make it', async () => {
    const { sut, orders, ledger, mock } = setUp({ ...order, status: 'DISPUTED' });
    mock(RefundRepository).succeededTotal.mockResolvedValue(300);
    await expect(sut.closed('dp_1', true)).resolves.toBe('dispute won');
    expect(ledger.post).toHaveBeenCalledWith(TEST_MANAGER, expect.objectContaining({ kind: 'DISPUTE_WON' }));
    expect(orders.update).toHaveBeenCalledWith(
      order.id,
      expect.objectContaining({ status: 'PARTIALLY_REFUNDED' }),
      TEST_MANAGER,
    );
    expect(mock(ClawbackService).clawBack).not.toHaveBeenCalled();
    expect(mock(LicensingFacade).revoke).not.toHaveBeenCalled();
  });

  it('lost after payout: every line’s recipients bear their parts like a refund, and every licence ends', async () => {
    const { sut, orders, mock } = setUp({ ...order, status: 'DISPUTED' });
    await expect(sut.closed('dp_1', false)).resolves.toBe('dispute lost');
    const [, , portions, cause, counter] = mock(ClawbackService).clawBack.mock.calls[0]!;
    // One portion over all the lines: the dispute is about the whole charge.
    expect([portions, cause]).toEqual([[{ lines, amount: 1000 }], 'dispute:dp_1:lost']);
    // What the recipients give back offsets the dispute loss booked at opening (the platform's part stays a loss).
    expect(
      counter({
        platformPart: 150,
        parts: [
          { line: 1, recipientId: seller, amount: 600 },
          { line: 2, recipientId: seller, amount: 250 },
        ],
      }),
    ).toEqual([{ account: Books.disputeLosses('EUR'), amount: -850 }]);
    expect(orders.update).toHaveBeenCalledWith(
      order.id,
      expect.objectContaining({ status: 'DISPUTE_LOST' }),
      TEST_MANAGER,
    );
    expect(mock(LicensingFacade).revoke.mock.calls).toEqual([
      [TEST_MANAGER, lines[0]!.grantId, 'DISPUTE_LOST'],
      [TEST_MANAGER, lines[1]!.grantId, 'DISPUTE_LOST'],
    ]);
  });

  it('a closing seen before its opening fails, to be retried once the opening is processed', async () => {
    const { sut, ledger } = setUp(order, null);
    await expect(sut.closed('dp_1', false)).rejects.toThrow(/retry/);
    expect(ledger.post).not.toHaveBeenCalled();
  });

  it('a redelivered closing changes nothing', async () => {
    const { sut, ledger, mock } = setUp(order, { ...opened, status: 'LOST' });
    await expect(sut.closed('dp_1', false)).resolves.toBe('already closed');
    expect(ledger.post).not.toHaveBeenCalled();
    expect(mock(ClawbackService).clawBack).not.toHaveBeenCalled();
  });
});
