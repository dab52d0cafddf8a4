import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { anOrder, aSplit } from '../../testing';
import { OrderSplitEntity } from './order-split.entity';
import { OrderEntity } from './order.entity';
import { OpenOrderExists, OrderRepository } from './order.repository';

describe('OrderRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let orders: OrderRepository;
  let buyer: string;
  let seller: string;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([OrderEntity, OrderSplitEntity]);
    orders = new OrderRepository(bed.dataSource);
    buyer = (await bed.seed.user()).id;
    seller = (await bed.seed.user()).id;
  });
  afterAll(() => bed.close());

  const pendingOrder = (offerId: string = randomUUID()) =>
    anOrder({
      id: randomUUID(),
      buyerId: buyer,
      sellerId: seller,
      offerId,
      status: 'PENDING',
      paidAt: null,
      chargeId: null,
      paymentIntentId: null,
      checkoutSessionId: null,
      grantId: null,
    });

  it('stores an order with its splits, and reads them back with money as numbers', async () => {
    const order = pendingOrder();
    await bed.dataSource.transaction((m) =>
      orders.insertWithSplits(m, order, [aSplit({ orderId: order.id, recipientId: seller })]),
    );
    expect(await orders.byId(order.id)).toEqual(order);
    expect(await orders.splitsOf(order.id)).toEqual([
      expect.objectContaining({ recipientId: seller, amount: 850, clawedBack: 0 }),
    ]);
    expect(await orders.openOf(buyer, order.offerId)).toMatchObject({ id: order.id });
  });

  it('refuses a second open order for the same buyer and offer as OpenOrderExists, writing none of it', async () => {
    const first = pendingOrder();
    await bed.dataSource.transaction((m) =>
      orders.insertWithSplits(m, first, [aSplit({ orderId: first.id, recipientId: seller })]),
    );
    const second = { ...pendingOrder(first.offerId) };
    await expect(
      bed.dataSource.transaction((m) =>
        orders.insertWithSplits(m, second, [aSplit({ orderId: second.id, recipientId: seller })]),
      ),
    ).rejects.toBeInstanceOf(OpenOrderExists);
    expect(await orders.byId(second.id)).toBeNull();
  });

  it('updates only while the order still has the expected status', async () => {
    const order = pendingOrder();
    await bed.dataSource.transaction((m) =>
      orders.insertWithSplits(m, order, [aSplit({ orderId: order.id, recipientId: seller })]),
    );
    expect(await orders.updateIf(order.id, 'PENDING', { status: 'EXPIRED' })).toBe(true);
    expect(await orders.updateIf(order.id, 'PENDING', { status: 'CANCELLED' })).toBe(false);
    expect((await orders.byId(order.id))!.status).toBe('EXPIRED');
  });

  it('reserves refunds on the order, and the database refuses to reserve more than was paid', async () => {
    const id = await bed.seed.order({ buyerId: buyer, sellerId: seller });
    await bed.dataSource.transaction((m) => orders.addRefunded(m, id, 600, new Date()));
    expect((await orders.byId(id))!.refundedAmount).toBe(600);
    await expect(bed.dataSource.transaction((m) => orders.addRefunded(m, id, 401, new Date()))).rejects.toThrow(
      /check constraint/,
    );
    expect((await orders.byId(id))!.refundedAmount).toBe(600);
  });

  it('holds a row lock until the transaction ends (fulfilment, refunds and disputes serialise on it)', async () => {
    const id = await bed.seed.order({ buyerId: buyer, sellerId: seller });
    await bed.inRollback(async (manager) => {
      await orders.lock(manager, id);
      await expect(
        bed.db.query(`SELECT id FROM commerce."order" WHERE id = $1 FOR UPDATE NOWAIT`, [id]),
      ).rejects.toThrow(/could not obtain lock/);
    });
    await expect(
      bed.db.query(`SELECT id FROM commerce."order" WHERE id = $1 FOR UPDATE NOWAIT`, [id]),
    ).resolves.toHaveLength(1);
  });

  it('pages the paid sales that pay a recipient, newest paid first, as seller or upstream', async () => {
    const creator = (await bed.seed.user()).id;
    const upstream = (await bed.seed.user()).id;
    const day = (d: number) => new Date(Date.UTC(2026, 2, d));
    const older = await bed.seed.order({ buyerId: buyer, sellerId: creator, paidAt: day(1), createdAt: day(1) });
    const newer = await bed.seed.order({
      buyerId: buyer,
      sellerId: creator,
      createdAt: day(2),
      paidAt: day(3),
      splits: [
        { recipientId: creator, amount: 600 },
        { recipientId: upstream, amount: 250 },
      ],
    });
    await bed.seed.order({ buyerId: buyer, sellerId: creator, status: 'PENDING' }); // not paid: not a sale
    const page = await orders.pagePaidForRecipient(creator, { first: 1 }, (o) => o.id);
    expect(page.nodes).toEqual([newer]);
    const rest = await orders.pagePaidForRecipient(creator, { first: 5, after: page.pageInfo.endCursor! }, (o) => o.id);
    expect(rest.nodes).toEqual([older]);
    expect((await orders.pagePaidForRecipient(upstream, {}, (o) => o.id)).nodes).toEqual([newer]);
    expect((await orders.splitsOfOrders([newer])).map((s) => s.amount)).toEqual([600, 250]);
  });

  it('finds the splits whose money should have moved and did not', async () => {
    const creator = (await bed.seed.user()).id;
    const now = new Date();
    const due = await bed.seed.order({
      buyerId: buyer,
      sellerId: creator,
      createdAt: new Date(now.getTime() - 3_600_000),
    });
    const sending = await bed.seed.order({
      buyerId: buyer,
      sellerId: creator,
      createdAt: new Date(now.getTime() - 3_600_000),
      splits: [{ recipientId: creator, amount: 850, transferStatus: 'SENDING', transferAmount: 850 }],
    });
    const fresh = await bed.seed.order({ buyerId: buyer, sellerId: creator, createdAt: now }); // updated just now
    const waiting = await bed.seed.order({
      buyerId: buyer,
      sellerId: creator,
      createdAt: new Date(now.getTime() - 3_600_000),
      splits: [{ recipientId: creator, amount: 850, transferStatus: 'WAITING_FOR_ACCOUNT' }],
    });
    const stalled = (await orders.stalledSplits(now, new Date(now.getTime() - 600_000))).map((s) => s.orderId);
    expect(stalled).toEqual(expect.arrayContaining([due, sending]));
    expect(stalled).not.toContain(fresh);
    expect(stalled).not.toContain(waiting); // no account that can receive yet
  });

  it('reads an order by its charge, and knows who an order pays', async () => {
    const chargeId = `ch_${randomUUID()}`;
    const id = await bed.seed.order({ buyerId: buyer, sellerId: seller, chargeId });
    expect(await orders.byChargeId(chargeId)).toMatchObject({ id });
    expect(await orders.isRecipient(id, seller)).toBe(true);
    expect(await orders.isRecipient(id, buyer)).toBe(false);
  });
});
