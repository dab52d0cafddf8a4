import { Clock } from '@lookbook/core';
import type { Page, Role } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { DomainError } from '@lookbook/kernel';
import { anActor, FakeClock, newTestService } from '@lookbook/testing';
import { anOrder, anOrderLine } from '../../testing';
import type { RefundLineEntity } from '../refunds/refund-line.entity';
import type { RefundEntity } from '../refunds/refund.entity';
import { RefundRepository } from '../refunds/refund.repository';
import type { OrderEntity } from './order.entity';
import { OrderRepository } from './order.repository';
import { OrderService } from './order.service';

const now = new Date('2026-03-02T08:00:00.000Z');
const ORDER = anOrder().id;
const BUYER = anOrder().buyerId;
const SELLER = anOrderLine().sellerId;
const UPSTREAM = '00000000-0000-4000-8000-0000000000c2';
const SECOND = '00000000-0000-4000-8000-00000000000b';

const refund = (orderId: string, id: string) => ({ id, orderId }) as RefundEntity;
const refundLine = (orderId: string, line: number) => ({ orderId, line }) as RefundLineEntity;
const user = (id: string) => ({ id, handle: `h-${id.slice(-2)}`, displayName: id });

function setUp() {
  const { sut, mock } = newTestService(OrderService, [[Clock, new FakeClock(now)]]);
  const orders = mock(OrderRepository);
  const refunds = mock(RefundRepository);
  const identity = mock(IdentityFacade);
  // Two orders: the first of two lines (two sellers), the second of one line by the first seller.
  orders.linesOfOrders.mockImplementation((ids) =>
    Promise.resolve(
      [
        anOrderLine({ position: 1 }),
        anOrderLine({ position: 2, sellerId: UPSTREAM }),
        anOrderLine({ orderId: SECOND, position: 1 }),
      ].filter((l) => ids.includes(l.orderId)),
    ),
  );
  refunds.ofOrders.mockImplementation((ids) =>
    Promise.resolve(
      [refund(ORDER, 'r1'), refund(SECOND, 'r2'), refund(ORDER, 'r3')].filter((r) => ids.includes(r.orderId)),
    ),
  );
  refunds.linesOfOrders.mockImplementation((ids) =>
    Promise.resolve([refundLine(ORDER, 2), refundLine(SECOND, 1)].filter((r) => ids.includes(r.orderId))),
  );
  identity.usersByIds.mockImplementation((ids) => Promise.resolve(ids.map(user)));
  return { sut, orders, refunds, identity };
}

const codeOf = (run: Promise<unknown>) =>
  run.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('who sees an order', () => {
  it.each<[string, string, Role[]]>([
    ['its buyer', BUYER, []],
    ['a moderator', 'mod', ['moderator']],
    ['an admin', 'root', ['admin']],
  ])('shows %s every line, without asking which lines pay them', async (_name, userId, roles) => {
    const { sut, orders } = setUp();
    orders.byId.mockResolvedValue(anOrder());
    const record = await sut.visibleOrder(anActor(userId, roles), ORDER);
    expect(record.visibleLines).toBe('all');
    expect(record.lines.map((l) => l.position)).toEqual([1, 2]);
    expect(orders.linesPaying).not.toHaveBeenCalled();
  });

  it.each<[string, number[]]>([
    ['one line', [2]],
    ['several lines', [1, 2]],
  ])('shows a creator paid by %s those lines only', async (_name, paying) => {
    const { sut, orders } = setUp();
    orders.byId.mockResolvedValue(anOrder());
    orders.linesPaying.mockResolvedValue(paying);
    const record = await sut.visibleOrder(anActor(UPSTREAM), ORDER);
    expect(record.visibleLines).toEqual(paying);
    expect(record.order.id).toBe(ORDER);
    expect(orders.linesPaying).toHaveBeenCalledWith(ORDER, UPSTREAM);
  });

  it('answers ORDER_NOT_FOUND to anyone the order neither belongs to nor pays', async () => {
    const { sut, orders, identity } = setUp();
    orders.byId.mockResolvedValue(anOrder());
    orders.linesPaying.mockResolvedValue([]);
    expect(await codeOf(sut.visibleOrder(anActor('eve'), ORDER))).toBe('ORDER_NOT_FOUND');
    expect(orders.linesOfOrders).not.toHaveBeenCalled();
    expect(identity.usersByIds).not.toHaveBeenCalled();
  });

  it.each([[BUYER], ['eve'], ['root']])('answers ORDER_NOT_FOUND for a missing order, to %s too', async (userId) => {
    const { sut, orders } = setUp();
    orders.byId.mockResolvedValue(null);
    const roles = userId === 'root' ? ['admin' as const] : [];
    expect(await codeOf(sut.visibleOrder(anActor(userId, roles), 'missing'))).toBe('ORDER_NOT_FOUND');
    expect(orders.linesPaying).not.toHaveBeenCalled();
  });
});

describe('orders with their receipts', () => {
  it('gives each order its own lines, refunds and refunded lines, and the sellers once', async () => {
    const { sut, identity } = setUp();
    const [first, second] = await sut.records([anOrder(), anOrder({ id: SECOND })]);
    expect(first!.lines.map((l) => [l.orderId, l.position])).toEqual([
      [ORDER, 1],
      [ORDER, 2],
    ]);
    expect(first!.refunds.map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(first!.refundLines).toEqual([refundLine(ORDER, 2)]);
    expect(second!.lines.map((l) => [l.orderId, l.position])).toEqual([[SECOND, 1]]);
    expect(second!.refunds.map((r) => r.id)).toEqual(['r2']);
    expect(second!.refundLines).toEqual([refundLine(SECOND, 1)]);
    expect(identity.usersByIds).toHaveBeenCalledTimes(1);
    expect([...identity.usersByIds.mock.calls[0]![0]].sort()).toEqual([SELLER, UPSTREAM].sort());
    expect([...first!.sellers.keys()].sort()).toEqual([SELLER, UPSTREAM].sort());
    expect(first!.sellers.get(UPSTREAM)?.id).toBe(UPSTREAM);
  });

  it('keeps the orders in the order asked', async () => {
    const { sut } = setUp();
    const records = await sut.records([anOrder({ id: SECOND }), anOrder()]);
    expect(records.map((r) => r.order.id)).toEqual([SECOND, ORDER]);
  });

  it('reads in a fixed number of queries whatever the number of orders', async () => {
    const { sut, orders, refunds, identity } = setUp();
    await sut.records([anOrder(), anOrder({ id: SECOND }), anOrder({ id: 'third' })]);
    expect(orders.linesOfOrders).toHaveBeenCalledTimes(1);
    expect(refunds.ofOrders).toHaveBeenCalledTimes(1);
    expect(refunds.linesOfOrders).toHaveBeenCalledTimes(1);
    expect(identity.usersByIds).toHaveBeenCalledTimes(1);
    expect(orders.linesOfOrders).toHaveBeenCalledWith([ORDER, SECOND, 'third']);
  });

  it('pages a buyer’s orders and maps each to its record, cursors kept', async () => {
    const { sut, orders } = setUp();
    const page: Page<OrderEntity> = {
      nodes: [anOrder({ id: SECOND }), anOrder()],
      edges: [
        { cursor: 'c2', node: anOrder({ id: SECOND }) },
        { cursor: 'c1', node: anOrder() },
      ],
      pageInfo: { hasNextPage: true, endCursor: 'c1' },
    };
    orders.pageForBuyer.mockResolvedValue(page);
    const result = await sut.ordersOf(BUYER, { first: 2 });
    expect(orders.pageForBuyer).toHaveBeenCalledWith(BUYER, { first: 2 }, expect.any(Function));
    expect(result.edges.map((e) => [e.cursor, e.node.order.id, e.node.lines.length])).toEqual([
      ['c2', SECOND, 1],
      ['c1', ORDER, 2],
    ]);
    expect(result.pageInfo).toEqual(page.pageInfo);
  });
});

describe('order changes that move no money', () => {
  it('expires a pending checkout: closed, its checkout link dropped', async () => {
    const { sut, orders } = setUp();
    orders.updateIf.mockResolvedValue(true);
    await expect(sut.expire(ORDER)).resolves.toBe('expired');
    expect(orders.updateIf).toHaveBeenCalledWith(ORDER, 'PENDING', {
      status: 'EXPIRED',
      checkoutUrl: null,
      updatedAt: now,
    });
  });

  it('leaves an order that is no longer pending (a paid order never expires)', async () => {
    const { sut, orders } = setUp();
    orders.updateIf.mockResolvedValue(false);
    await expect(sut.expire(ORDER)).resolves.toBe('not pending');
  });

  it.each<[string, string, string]>([
    ['a short message', 'Your card was declined.', 'Your card was declined.'],
    ['a message of exactly 300 characters', 'x'.repeat(300), 'x'.repeat(300)],
    ['a longer message, cut at 300', `${'y'.repeat(299)}zzz`, `${'y'.repeat(299)}z`],
    ['an empty message', '', ''],
  ])('records a declined attempt with %s on a pending order', async (_name, message, stored) => {
    const { sut, orders } = setUp();
    orders.updateIf.mockResolvedValue(true);
    await expect(sut.paymentFailed(ORDER, message)).resolves.toBe('payment failure recorded');
    expect(orders.updateIf).toHaveBeenCalledWith(ORDER, 'PENDING', { lastPaymentError: stored, updatedAt: now });
  });

  it('does not record a declined attempt on an order that is no longer pending', async () => {
    const { sut, orders } = setUp();
    orders.updateIf.mockResolvedValue(false);
    await expect(sut.paymentFailed(ORDER, 'declined')).resolves.toBe('not pending');
  });
});
