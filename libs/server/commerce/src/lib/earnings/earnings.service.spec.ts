import { Clock } from '@lookbook/core';
import type { Page } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { DomainError } from '@lookbook/kernel';
import type { AccountRef } from '@lookbook/ledger';
import { LedgerService } from '@lookbook/ledger';
import { FakeClock, newTestService } from '@lookbook/testing';
import { anOrder, anOrderLine, aSplit } from '../../testing';
import type { OrderLineEntity } from '../orders/order-line.entity';
import { OrderRepository } from '../orders/order.repository';
import { PayoutRepository } from '../payouts/payout.repository';
import { RefundRepository } from '../refunds/refund.repository';
import type { EarningsDayRow, EarningsRow } from './earnings.repository';
import { EarningsRepository } from './earnings.repository';
import { EarningsService, MAX_EARNINGS_DAYS } from './earnings.service';

const CREATOR = aSplit().recipientId;
const UPSTREAM = '00000000-0000-4000-8000-0000000000c2';
const ORDER = anOrder().id;
const SECOND = '00000000-0000-4000-8000-00000000000b';

function setUp(now = new Date('2026-03-10T15:30:00.000Z')) {
  const { sut, mock } = newTestService(EarningsService, [[Clock, new FakeClock(now)]]);
  return {
    sut,
    orders: mock(OrderRepository),
    earnings: mock(EarningsRepository),
    payouts: mock(PayoutRepository),
    refunds: mock(RefundRepository),
    ledger: mock(LedgerService),
    identity: mock(IdentityFacade),
  };
}

const codeOf = (run: Promise<unknown>) =>
  run.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('earnings by day', () => {
  it.each([[0], [-1], [1.5], [MAX_EARNINGS_DAYS + 1], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    'refuses a window of %p days (INVALID_EARNINGS_DAYS) without querying',
    async (days) => {
      const { sut, earnings } = setUp();
      expect(await codeOf(sut.byDay(CREATOR, days))).toBe('INVALID_EARNINGS_DAYS');
      expect(earnings.byDay).not.toHaveBeenCalled();
    },
  );

  it.each([[1], [7], [MAX_EARNINGS_DAYS]])('gives a point for every one of %p days, ending today', async (days) => {
    const { sut, earnings } = setUp();
    earnings.byDay.mockResolvedValue([{ currency: 'EUR', day: '2026-03-10', amount: 850 }]);
    const [series] = await sut.byDay(CREATOR, days);
    expect(series!.days).toHaveLength(days);
    expect(series!.days.at(-1)).toEqual({ day: '2026-03-10', amount: 850 });
    const since = earnings.byDay.mock.calls[0]![1];
    expect(series!.days[0]!.day).toBe(since.toISOString().slice(0, 10));
    expect(since.toISOString().slice(11)).toBe('00:00:00.000Z');
    expect(earnings.byDay).toHaveBeenCalledWith(CREATOR, expect.any(Date));
  });

  it('starts the window at midnight UTC, days - 1 days before today', async () => {
    const { sut, earnings } = setUp(new Date('2026-03-01T00:00:00.000Z'));
    earnings.byDay.mockResolvedValue([]);
    await sut.byDay(CREATOR, 3);
    expect(earnings.byDay).toHaveBeenCalledWith(CREATOR, new Date('2026-02-27T00:00:00.000Z'));
  });

  it('counts a sale late in the UTC day on that day, across a month end', async () => {
    const { sut, earnings } = setUp(new Date('2026-03-01T23:59:59.999Z'));
    earnings.byDay.mockResolvedValue([
      { currency: 'EUR', day: '2026-02-28', amount: 100 },
      { currency: 'EUR', day: '2026-03-01', amount: 250 },
    ]);
    const [series] = await sut.byDay(CREATOR, 3);
    expect(series!.days).toEqual([
      { day: '2026-02-27', amount: 0 },
      { day: '2026-02-28', amount: 100 },
      { day: '2026-03-01', amount: 250 },
    ]);
    expect(series!.total).toBe(350);
  });

  it('gives one series per currency, each with zeros where that currency sold nothing', async () => {
    const { sut, earnings } = setUp();
    const rows: EarningsDayRow[] = [
      { currency: 'EUR', day: '2026-03-08', amount: 850 },
      { currency: 'USD', day: '2026-03-09', amount: 400 },
      { currency: 'EUR', day: '2026-03-10', amount: 150 },
      { currency: 'USD', day: '2026-03-10', amount: -100 },
    ];
    earnings.byDay.mockResolvedValue(rows);
    const series = await sut.byDay(CREATOR, 4);
    expect(series.map((s) => [s.currency, s.total])).toEqual([
      ['EUR', 1000],
      ['USD', 300],
    ]);
    expect(series[0]!.days.map((d) => d.amount)).toEqual([0, 850, 0, 150]);
    expect(series[1]!.days.map((d) => d.amount)).toEqual([0, 0, 400, -100]);
    expect(series[0]!.days.map((d) => d.day)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
  });

  it('has no series at all when nothing was earned in the window', async () => {
    const { sut, earnings } = setUp();
    earnings.byDay.mockResolvedValue([]);
    await expect(sut.byDay(CREATOR, 30)).resolves.toEqual([]);
  });
});

describe('balances', () => {
  it('reads pending from the creator’s payable account and works out what is available', async () => {
    const { sut, earnings, ledger } = setUp();
    const totals: EarningsRow[] = [
      { currency: 'EUR', earned: 10_000, transferred: 6_000, paidOut: 4_000, inFlight: 500 },
      { currency: 'USD', earned: 2_000, transferred: 0, paidOut: 0, inFlight: 0 },
    ];
    earnings.totals.mockResolvedValue(totals);
    // The payable account is a credit: a negative ledger balance is money owed to the creator.
    ledger.balance.mockImplementation((account: AccountRef) =>
      Promise.resolve(account.currency === 'EUR' ? -4_000 : -2_000),
    );
    await expect(sut.balances(CREATOR)).resolves.toEqual([
      { currency: 'EUR', pending: 4_000, available: 1_500, paidOut: 4_000, lifetimeEarnings: 10_000 },
      { currency: 'USD', pending: 2_000, available: 0, paidOut: 0, lifetimeEarnings: 2_000 },
    ]);
    expect(earnings.totals).toHaveBeenCalledWith(CREATOR);
    expect(ledger.balance.mock.calls.map(([account]) => account)).toEqual([
      { purpose: 'CREATOR_PAYABLE', ownerId: CREATOR, currency: 'EUR' },
      { purpose: 'CREATOR_PAYABLE', ownerId: CREATOR, currency: 'USD' },
    ]);
  });

  it('shows a debt (clawed back after payout) as negative pending', async () => {
    const { sut, earnings, ledger } = setUp();
    earnings.totals.mockResolvedValue([{ currency: 'EUR', earned: 850, transferred: 850, paidOut: 850, inFlight: 0 }]);
    ledger.balance.mockResolvedValue(300);
    const [balance] = await sut.balances(CREATOR);
    expect(balance).toMatchObject({ pending: -300, available: 0 });
  });

  it('has no balances for a creator who never earned', async () => {
    const { sut, earnings, ledger } = setUp();
    earnings.totals.mockResolvedValue([]);
    await expect(sut.balances(CREATOR)).resolves.toEqual([]);
    expect(ledger.balance).not.toHaveBeenCalled();
  });
});

describe('sales paying a creator', () => {
  const page = (lines: OrderLineEntity[]): Page<OrderLineEntity> => ({
    nodes: lines,
    edges: lines.map((l) => ({ cursor: `${l.orderId}:${l.position}`, node: l })),
    pageInfo: { hasNextPage: false, endCursor: null },
  });

  it('gives each sale its order, its own splits, its refunded amount and the payees', async () => {
    const { sut, orders, refunds, identity } = setUp();
    const lines = [
      anOrderLine({ position: 1 }),
      anOrderLine({ position: 2, sellerId: UPSTREAM }),
      anOrderLine({ orderId: SECOND, position: 1 }),
    ];
    orders.pagePaidLinesForRecipient.mockResolvedValue(page(lines));
    orders.byIds.mockResolvedValue([anOrder({ id: SECOND }), anOrder()]);
    orders.splitsOfOrders.mockResolvedValue([
      aSplit({ line: 1, amount: 600 }),
      aSplit({ line: 1, recipientId: UPSTREAM, role: 'IP_OWNER', amount: 250 }),
      aSplit({ line: 2, recipientId: UPSTREAM }),
      aSplit({ orderId: SECOND, line: 1 }),
    ]);
    refunds.succeededByLine.mockResolvedValue([
      { orderId: ORDER, line: 2, refunded: 400 },
      { orderId: SECOND, line: 1, refunded: 1000 },
    ]);
    identity.usersByIds.mockImplementation((ids) =>
      Promise.resolve(ids.map((id) => ({ id, handle: id.slice(-2), displayName: id }))),
    );

    const result = await sut.salesOf(CREATOR, { first: 3 });

    expect(orders.pagePaidLinesForRecipient).toHaveBeenCalledWith(CREATOR, { first: 3 }, expect.any(Function));
    expect(orders.byIds).toHaveBeenCalledWith([ORDER, SECOND]);
    expect(result.nodes.map((s) => [s.order.id, s.line.position, s.splits.length, s.refunded])).toEqual([
      [ORDER, 1, 2, 0],
      [ORDER, 2, 1, 400],
      [SECOND, 1, 1, 1000],
    ]);
    expect(result.nodes[0]!.splits.map((s) => s.amount)).toEqual([600, 250]);
    expect(result.nodes.every((s) => s.viewerId === CREATOR)).toBe(true);
    expect([...identity.usersByIds.mock.calls[0]![0]].sort()).toEqual([CREATOR, UPSTREAM].sort());
    expect(result.nodes[0]!.users.get(UPSTREAM)?.id).toBe(UPSTREAM);
    expect(result.edges.map((e) => e.cursor)).toEqual([`${ORDER}:1`, `${ORDER}:2`, `${SECOND}:1`]);
  });

  it('gives an empty page when nothing sold', async () => {
    const { sut, orders, refunds, identity } = setUp();
    orders.pagePaidLinesForRecipient.mockResolvedValue(page([]));
    orders.byIds.mockResolvedValue([]);
    orders.splitsOfOrders.mockResolvedValue([]);
    refunds.succeededByLine.mockResolvedValue([]);
    identity.usersByIds.mockResolvedValue([]);
    const result = await sut.salesOf(CREATOR, {});
    expect(result.nodes).toEqual([]);
    expect(orders.byIds).toHaveBeenCalledWith([]);
  });

  it('pages a creator’s payouts', async () => {
    const { sut, payouts } = setUp();
    payouts.pageForCreator.mockResolvedValue(page([]));
    await sut.payoutsOf(CREATOR, { first: 20 });
    expect(payouts.pageForCreator).toHaveBeenCalledWith(CREATOR, { first: 20 }, expect.any(Function));
  });
});
