import { Clock, Transactions } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { anOrder, anOrderLine, aSplit } from '../../testing';
import type { OrderSplitEntity } from '../orders/order-split.entity';
import { OrderRepository } from '../orders/order.repository';
import { PaymentProvider, ProviderRejectedError, ProviderUnavailableError } from '../provider/payment-provider';
import type { ConnectedAccountEntity } from './connected-account.entity';
import { PayoutRepository } from './payout.repository';
import { TransferScheduler } from './transfer-scheduler.service';
import { TransferService } from './transfer.service';

const order = { ...anOrder(), sellerId: anOrderLine().sellerId };
const now = new Date('2026-03-05T00:00:00.000Z');
const account = (payoutsEnabled: boolean) =>
  ({ creatorId: order.sellerId, providerAccountId: 'acct_1', payoutsEnabled }) as ConnectedAccountEntity;

function setUp(
  split: OrderSplitEntity | null,
  options: { account?: ConnectedAccountEntity | null; owed?: number } = {},
) {
  const { sut, mock } = newTestService(TransferService, [
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(now)],
  ]);
  const orders = mock(OrderRepository);
  orders.lockSplit.mockResolvedValue(split);
  orders.byId.mockResolvedValue(order);
  orders.line.mockImplementation((_o, position: number) => Promise.resolve(anOrderLine({ position })));
  orders.updateSplit.mockResolvedValue(undefined);
  mock(PayoutRepository).account.mockResolvedValue(options.account === undefined ? account(true) : options.account);
  const ledger = mock(LedgerService);
  ledger.lockBalance.mockResolvedValue(-(options.owed ?? 850));
  ledger.post.mockResolvedValue({} as never);
  const provider = mock(PaymentProvider);
  provider.createTransfer.mockResolvedValue({ id: 'tr_1' });
  return { sut, mock, orders, ledger, provider };
}

const statusSet = (orders: ReturnType<typeof setUp>['orders']) =>
  orders.updateSplit.mock.calls.map(([, changes]) => changes.transferStatus);

describe('deciding a transfer', () => {
  it('sends what the split is owed: booked first, then the provider call with the split’s key', async () => {
    const { sut, orders, ledger, provider } = setUp(aSplit());
    await expect(sut.run(order.id, order.sellerId)).resolves.toBe('sent 850 as tr_1');
    expect(ledger.post).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ kind: 'TRANSFER', externalRef: `order:${order.id}:split:${order.sellerId}:transfer` }),
    );
    expect(provider.createTransfer).toHaveBeenCalledWith(
      expect.objectContaining({ amount: 850, currency: 'EUR', destination: 'acct_1', sourceTransaction: 'ch_test_1' }),
      `order:${order.id}:split:${order.sellerId}`,
    );
    expect(statusSet(orders)).toEqual(['SENDING', 'SENT']);
  });

  it('re-queues a split still on hold for when the hold ends, and sends nothing', async () => {
    const later = new Date(now.getTime() + 3_600_000);
    const { sut, mock, provider } = setUp(aSplit({ transferableAt: later }));
    mock(TransferScheduler).schedule.mockResolvedValue('job');
    await expect(sut.run(order.id, order.sellerId)).resolves.toBe('on hold');
    expect(mock(TransferScheduler).schedule).toHaveBeenCalledWith(
      TEST_MANAGER,
      { orderId: order.id, line: 1, recipientId: order.sellerId },
      later,
    );
    expect(provider.createTransfer).not.toHaveBeenCalled();
  });

  it.each([
    ['no payout account', null],
    ['an account that cannot receive payouts yet', account(false)],
  ])('waits with %s', async (_, acct) => {
    const { sut, orders, provider } = setUp(aSplit(), { account: acct });
    await expect(sut.run(order.id, order.sellerId)).resolves.toBe('waiting for the payout account');
    expect(statusSet(orders)).toEqual(['WAITING_FOR_ACCOUNT']);
    expect(provider.createTransfer).not.toHaveBeenCalled();
  });

  it('cancels a split a refund took back entirely', async () => {
    const { sut, orders } = setUp(aSplit({ clawedBack: 850 }));
    await expect(sut.run(order.id, order.sellerId)).resolves.toBe('nothing left to transfer');
    expect(statusSet(orders)).toEqual(['CANCELLED']);
  });

  it('sends only what is left after a partial clawback', async () => {
    const { sut, provider } = setUp(aSplit({ clawedBack: 350 }));
    await sut.run(order.id, order.sellerId);
    expect(provider.createTransfer.mock.calls[0]![0].amount).toBe(500);
  });

  it('nets a creator’s debt (a dispute lost after payout) before sending', async () => {
    const { sut, provider } = setUp(aSplit(), { owed: 300 });
    await expect(sut.run(order.id, order.sellerId)).resolves.toBe('sent 300 as tr_1');
    expect(provider.createTransfer.mock.calls[0]![0].amount).toBe(300);
  });

  it('settles as NETTED when the debt absorbs the whole split', async () => {
    const { sut, orders, provider, ledger } = setUp(aSplit(), { owed: -200 });
    await expect(sut.run(order.id, order.sellerId)).resolves.toBe('netted against a debt');
    expect(statusSet(orders)).toEqual(['NETTED']);
    expect(ledger.post).not.toHaveBeenCalled();
    expect(provider.createTransfer).not.toHaveBeenCalled();
  });

  it.each(['SENT', 'NETTED', 'CANCELLED'] as const)('does nothing for a split already %s', async (transferStatus) => {
    const { sut, provider } = setUp(aSplit({ transferStatus }));
    await expect(sut.run(order.id, order.sellerId)).resolves.toBe(`already ${transferStatus.toLowerCase()}`);
    expect(provider.createTransfer).not.toHaveBeenCalled();
  });

  it('repeats an in-flight transfer with the same amount and key, booking nothing twice', async () => {
    const { sut, ledger, provider } = setUp(aSplit({ transferStatus: 'SENDING', transferAmount: 600 }));
    await sut.run(order.id, order.sellerId);
    expect(ledger.post).not.toHaveBeenCalled();
    expect(provider.createTransfer).toHaveBeenCalledWith(
      expect.objectContaining({ amount: 600 }),
      `order:${order.id}:split:${order.sellerId}`,
    );
  });
});

describe('when the provider answers badly', () => {
  it('an outage fails the job (retried with the same key), leaving the split SENDING', async () => {
    const { sut, orders, provider } = setUp(aSplit());
    provider.createTransfer.mockRejectedValue(new ProviderUnavailableError('timed out'));
    await expect(sut.run(order.id, order.sellerId)).rejects.toThrow('timed out');
    expect(statusSet(orders)).toEqual(['SENDING']);
  });

  it('a refusal books the money back and waits for the account, with a new key next time', async () => {
    const { sut, orders, ledger, provider } = setUp(aSplit());
    provider.createTransfer.mockRejectedValue(new ProviderRejectedError('No such destination', 'account_invalid'));
    await expect(sut.run(order.id, order.sellerId)).resolves.toMatch(/^refused \(account_invalid\)/);
    expect(ledger.post).toHaveBeenLastCalledWith(
      TEST_MANAGER,
      expect.objectContaining({
        kind: 'TRANSFER_REFUSED',
        externalRef: `order:${order.id}:split:${order.sellerId}:refused`,
      }),
    );
    expect(orders.updateSplit).toHaveBeenLastCalledWith(
      expect.objectContaining({ orderId: order.id, line: 1, recipientId: order.sellerId }),
      expect.objectContaining({ transferStatus: 'WAITING_FOR_ACCOUNT', transferAmount: null, transferAttempt: 1 }),
      { manager: TEST_MANAGER, onlyIf: 'SENDING' },
    );
  });
});

describe('a split of a line other than the first', () => {
  it('is transferred on its own, under its line’s key, named in the metadata, and described by its line', async () => {
    const { sut, orders, ledger, provider } = setUp(aSplit({ line: 3, amount: 425 }), { owed: 5000 });
    await expect(sut.run(order.id, order.sellerId, 3)).resolves.toBe('sent 425 as tr_1');
    expect(orders.lockSplit).toHaveBeenCalledWith(TEST_MANAGER, {
      orderId: order.id,
      line: 3,
      recipientId: order.sellerId,
    });
    expect(ledger.post).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({
        externalRef: `order:${order.id}:line:3:split:${order.sellerId}:transfer`,
        description: 'Transfer to the creator for Ink Wash v1',
      }),
    );
    expect(provider.createTransfer).toHaveBeenCalledWith(
      expect.objectContaining({
        amount: 425,
        transferGroup: `order:${order.id}`, // one charge, one transfer group for every line
        metadata: { order_id: order.id, line: '3', recipient_id: order.sellerId },
      }),
      `order:${order.id}:line:3:split:${order.sellerId}`,
    );
    expect(orders.updateSplit).toHaveBeenLastCalledWith(
      { orderId: order.id, line: 3, recipientId: order.sellerId },
      expect.objectContaining({ transferStatus: 'SENT', transferId: 'tr_1' }),
      { onlyIf: 'SENDING' },
    );
  });
});

describe('a split of a line that was paid but could not be granted', () => {
  it('is never paid out (its refund cancels it), whatever asks for its transfer', async () => {
    const { sut, orders, ledger, provider } = setUp(aSplit({ line: 2 }));
    orders.line.mockResolvedValue(
      anOrderLine({ position: 2, failureReason: 'VERSION_EXCLUSIVELY_LICENSED', grantId: null }),
    );
    await expect(sut.run(order.id, order.sellerId, 2)).resolves.toBe(
      'not granted (VERSION_EXCLUSIVELY_LICENSED): not paid out',
    );
    expect(ledger.post).not.toHaveBeenCalled();
    expect(provider.createTransfer).not.toHaveBeenCalled();
    expect(orders.updateSplit).not.toHaveBeenCalled();
  });
});
