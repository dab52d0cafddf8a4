import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { anOrder, anOrderLine, aSplit } from '../../testing';
import { OrderLineEntity } from './order-line.entity';
import { OrderSplitEntity } from './order-split.entity';
import { OrderEntity } from './order.entity';
import { OpenOrderExists, OrderRepository } from './order.repository';

describe('OrderRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let orders: OrderRepository;
  let buyer: string;
  let seller: string;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([OrderEntity, OrderLineEntity, OrderSplitEntity]);
    orders = new OrderRepository(bed.dataSource);
    buyer = (await bed.seed.user()).id;
    seller = (await bed.seed.user()).id;
  });
  afterAll(() => bed.close());

  /** A pending order of `offerIds.length` lines (1000 each), each with the seller's 850. */
  const pendingOrder = (offerIds: string[] = [randomUUID()]) => {
    const order = anOrder({
      id: randomUUID(),
      buyerId: buyer,
      offerIds: [...offerIds].sort(),
      amount: 1000 * offerIds.length,
      platformFee: 150 * offerIds.length,
      status: 'PENDING',
      paidAt: null,
      chargeId: null,
      paymentIntentId: null,
      checkoutSessionId: null,
    });
    const lines = offerIds.map((offerId, i) =>
      anOrderLine({ id: randomUUID(), orderId: order.id, position: i + 1, offerId, sellerId: seller, paidAt: null }),
    );
    const splits = lines.map((l) => aSplit({ orderId: order.id, line: l.position, recipientId: seller }));
    return { order, lines, splits };
  };
  const insert = ({ order, lines, splits }: ReturnType<typeof pendingOrder>) =>
    bed.dataSource.transaction((m) => orders.insertWithLines(m, order, lines, splits));

  it('stores an order with its lines and their splits, and reads them back with money as numbers', async () => {
    const created = pendingOrder([randomUUID(), randomUUID(), randomUUID()]);
    await insert(created);
    expect(await orders.byId(created.order.id)).toEqual(created.order);
    expect(await orders.linesOf(created.order.id)).toEqual(created.lines);
    expect(await orders.line(created.order.id, 2)).toEqual(created.lines[1]);
    expect(
      (await orders.splitsOf(created.order.id)).map((s) => [s.line, s.recipientId, s.amount, s.clawedBack]),
    ).toEqual([
      [1, seller, 850, 0],
      [2, seller, 850, 0],
      [3, seller, 850, 0],
    ]);
    // The open checkout is found by its set of offers (sorted), and only by exactly that set.
    expect(await orders.openOf(buyer, created.order.offerIds)).toMatchObject({ id: created.order.id });
    expect(await orders.openOf(buyer, created.order.offerIds.slice(1))).toBeNull();
    expect(await orders.linesOfOrders([created.order.id])).toHaveLength(3);
  });

  it('refuses a second open order for the same buyer and offers as OpenOrderExists, writing none of it', async () => {
    const first = pendingOrder([randomUUID(), randomUUID()]);
    await insert(first);
    const second = pendingOrder([...first.order.offerIds].reverse());
    await expect(insert(second)).rejects.toBeInstanceOf(OpenOrderExists);
    expect(await orders.byId(second.order.id)).toBeNull();
    expect(await orders.linesOf(second.order.id)).toEqual([]);
  });

  it('refuses a split of a line the order does not have', async () => {
    const created = pendingOrder();
    await expect(
      bed.dataSource.transaction((m) =>
        orders.insertWithLines(m, created.order, created.lines, [
          aSplit({ orderId: created.order.id, line: 2, recipientId: seller }),
        ]),
      ),
    ).rejects.toThrow(/order_split_line_fkey/);
  });

  it('updates only while the order still has the expected status', async () => {
    const created = pendingOrder();
    await insert(created);
    const { order } = created;
    expect(await orders.updateIf(order.id, 'PENDING', { status: 'EXPIRED' })).toBe(true);
    expect(await orders.updateIf(order.id, 'PENDING', { status: 'CANCELLED' })).toBe(false);
    expect((await orders.byId(order.id))!.status).toBe('EXPIRED');
  });

  it('reserves refunds on the order and the line, and the database refuses to reserve more than a line cost', async () => {
    const id = await bed.seed.order({ buyerId: buyer, sellerId: seller, lines: [{}, {}] });
    await bed.dataSource.transaction((m) => orders.addRefunded(m, id, 2, 600, new Date()));
    expect((await orders.byId(id))!.refundedAmount).toBe(600);
    expect((await orders.linesOf(id)).map((l) => l.refundedAmount)).toEqual([0, 600]);
    // 401 more of line 2 is more than it cost (though the order, 2000, could take it): refused, nothing moves.
    await expect(bed.dataSource.transaction((m) => orders.addRefunded(m, id, 2, 401, new Date()))).rejects.toThrow(
      /check constraint/,
    );
    await bed.dataSource.transaction((m) => orders.addRefunded(m, id, 1, 1000, new Date()));
    expect((await orders.byId(id))!.refundedAmount).toBe(1600);
    expect((await orders.linesOf(id)).map((l) => l.refundedAmount)).toEqual([1000, 600]);
    await bed.dataSource.transaction((m) => orders.addRefunded(m, id, 2, -600, new Date())); // a refused refund
    expect((await orders.byId(id))!.refundedAmount).toBe(1000);
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

  it('locks one split of one line, leaving the same recipient’s split of another line free', async () => {
    const id = await bed.seed.order({ buyerId: buyer, sellerId: seller, lines: [{}, {}] });
    await bed.inRollback(async (manager) => {
      expect(await orders.lockSplit(manager, { orderId: id, line: 2, recipientId: seller })).toMatchObject({ line: 2 });
      await expect(
        bed.db.query(`SELECT 1 FROM commerce.order_split WHERE order_id = $1 AND line = 2 FOR UPDATE NOWAIT`, [id]),
      ).rejects.toThrow(/could not obtain lock/);
      await expect(
        bed.db.query(`SELECT 1 FROM commerce.order_split WHERE order_id = $1 AND line = 1 FOR UPDATE NOWAIT`, [id]),
      ).resolves.toHaveLength(1);
    });
    await orders.updateSplit({ orderId: id, line: 2, recipientId: seller }, { transferStatus: 'NETTED' });
    expect((await orders.splitsOf(id)).map((s) => s.transferStatus)).toEqual(['SCHEDULED', 'NETTED']);
    await bed.dataSource.transaction((m) =>
      orders.addReversed(m, { orderId: id, line: 1, recipientId: seller }, 0, new Date()),
    );
  });

  it('pages the paid lines that pay a recipient, newest paid first, as seller or upstream', async () => {
    const creator = (await bed.seed.user()).id;
    const upstream = (await bed.seed.user()).id;
    const other = (await bed.seed.user()).id;
    const day = (d: number) => new Date(Date.UTC(2026, 2, d));
    const older = await bed.seed.order({ buyerId: buyer, sellerId: creator, paidAt: day(1), createdAt: day(1) });
    const newer = await bed.seed.order({
      buyerId: buyer,
      sellerId: creator,
      createdAt: day(2),
      paidAt: day(3),
      lines: [
        {
          splits: [
            { recipientId: creator, amount: 600 },
            { recipientId: upstream, amount: 250 },
          ],
        },
        { sellerId: other }, // another creator's line of the same order: not the creator's sale
        { splits: [{ recipientId: creator, amount: 850 }] },
      ],
    });
    await bed.seed.order({ buyerId: buyer, sellerId: creator, status: 'PENDING' }); // not paid: not a sale
    const sale = (l: OrderLineEntity) => `${l.orderId}:${l.position}`;
    const page = await orders.pagePaidLinesForRecipient(creator, { first: 2 }, sale);
    expect(page.nodes.sort()).toEqual([`${newer}:1`, `${newer}:3`].sort());
    const rest = await orders.pagePaidLinesForRecipient(creator, { first: 5, after: page.pageInfo.endCursor! }, sale);
    expect(rest.nodes).toEqual([`${older}:1`]);
    expect((await orders.pagePaidLinesForRecipient(upstream, {}, sale)).nodes).toEqual([`${newer}:1`]);
    expect((await orders.pagePaidLinesForRecipient(other, {}, sale)).nodes).toEqual([`${newer}:2`]);
    expect((await orders.splitsOfOrders([newer])).map((s) => s.amount)).toEqual([850, 850, 600, 250]);
    expect(await orders.linesPaying(newer, creator)).toEqual([1, 3]);
    expect(await orders.linesPaying(newer, buyer)).toEqual([]);
  });

  it('finds the splits whose money should have moved and did not, naming their line', async () => {
    const creator = (await bed.seed.user()).id;
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 3_600_000);
    const due = await bed.seed.order({ buyerId: buyer, sellerId: creator, createdAt: hourAgo });
    const sending = await bed.seed.order({
      buyerId: buyer,
      sellerId: creator,
      createdAt: hourAgo,
      lines: [{}, { splits: [{ recipientId: creator, amount: 850, transferStatus: 'SENDING', transferAmount: 850 }] }],
    });
    const fresh = await bed.seed.order({ buyerId: buyer, sellerId: creator, createdAt: now }); // updated just now
    const waiting = await bed.seed.order({
      buyerId: buyer,
      sellerId: creator,
      createdAt: hourAgo,
      splits: [{ recipientId: creator, amount: 850, transferStatus: 'WAITING_FOR_ACCOUNT' }],
    });
    const stalled = await orders.stalledSplits(now, new Date(now.getTime() - 600_000));
    expect(stalled).toEqual(
      expect.arrayContaining([
        { orderId: due, line: 1, recipientId: creator },
        { orderId: sending, line: 1, recipientId: creator },
        { orderId: sending, line: 2, recipientId: creator },
      ]),
    );
    expect(stalled.map((s) => s.orderId)).not.toContain(fresh);
    expect(stalled.map((s) => s.orderId)).not.toContain(waiting); // no account that can receive yet
  });

  it('reads orders by charge and by ids', async () => {
    const chargeId = `ch_${randomUUID()}`;
    const id = await bed.seed.order({ buyerId: buyer, sellerId: seller, chargeId });
    expect(await orders.byChargeId(chargeId)).toMatchObject({ id });
    expect((await orders.byIds([id])).map((o) => o.id)).toEqual([id]);
    expect(await orders.byIds([])).toEqual([]);
  });
});
