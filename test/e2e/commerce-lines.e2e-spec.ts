import request from 'supertest';
import type { TestUser } from '@lookbook/testing';
import { errorCode, gql, OFFERS } from '@lookbook/testing';
import { PaymentsDriver } from './support/payments';
import { comfyuiReferencePresent, publishTemplateVersion, referenceTemplate, remixOf } from './support/templates';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import type { ReadyVersion } from './support/versions';
import { publishedVersion } from './support/versions';
import { world } from './support/world';

const CHECKOUT_OFFERS = `mutation($o: [UUID!]!) { checkoutOffers(offerIds: $o) {
  checkoutUrl order { id status amount currency itemName lines { position offerId amount status } } } }`;
const CHECKOUT = `mutation($o: UUID!) { checkout(offerId: $o) { order { id } } }`;
const ORDER = `query($id: UUID!) { order(id: $id) { id status amount currency refundedAmount itemName
  lines { id position itemName tier offerId amount refundedAmount status licenseId unavailableReason seller { handle } }
  refunds { amount reason status note lines { position amount } } } }`;
const REFUND = `mutation($id: UUID!, $line: UUID, $a: SafeInt, $note: String) {
  refundOrder(orderId: $id, lineId: $line, amount: $a, note: $note) { id amount reason status note lines { position amount } } }`;
const SALES = `query { mySales { nodes { orderId lineId itemName price currency platformFee processorFee status
  splits { recipient { handle } role amount transferStatus } } } }`;
const VERIFY = (id: string) => `/api/v1/licenses/${id}/verify`;

interface Line {
  id: string;
  position: number;
  itemName: string;
  offerId: string;
  amount: number;
  refundedAmount: number;
  status: string;
  licenseId: string | null;
  unavailableReason: string | null;
  seller: { handle: string };
}
interface Order {
  id: string;
  status: string;
  amount: number;
  currency: string;
  refundedAmount: number;
  itemName: string;
  lines: Line[];
  refunds: {
    amount: number;
    reason: string;
    status: string;
    note: string | null;
    lines: { position: number; amount: number }[];
  }[];
}

/** The largest-remainder rule, computed here independently of the code under test. */
function largestRemainder(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w, i) => ({ i, floor: Math.floor((total * w) / sum), rest: (total * w) % sum }));
  let left = total - parts.reduce((a, p) => a + p.floor, 0);
  for (const p of [...parts].sort((a, b) => b.rest - a.rest || a.i - b.i)) {
    if (left-- <= 0) break;
    p.floor += 1;
  }
  return parts.map((p) => p.floor);
}
/** The local gateway's fee (Stripe's standard 2.9 % + 30). */
const processorFee = (amount: number) => Math.round(amount * 0.029) + 30;

/**
 * One checkout for several licences, over HTTP with the local gateway: one order with a line per licence, one charge,
 * splits and transfers per line (a template line pays its royalty cascade), the processor fee shared over the lines,
 * refunds per line and of the rest, duplicate and reordered webhooks, a dispute of the whole charge, a line that can
 * no longer be granted when the payment lands, and every bad input refused with a typed error and nothing created.
 * Exact to the minor unit in USD, JPY and KWD.
 */
describe('orders of several licences (one checkout, one payment, a line per licence)', () => {
  let api: TestApi;
  let pay: PaymentsDriver;
  let alice: TestUser;
  let bob: TestUser;
  let a: ReadyVersion;
  let b: ReadyVersion;
  let c: ReadyVersion;
  let d: ReadyVersion;
  let freeOffer: string;

  const as = <T>(user: TestUser | undefined, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(api.server, query, variables, user?.accessToken);
  const must = async <T>(user: TestUser, query: string, variables: Record<string, unknown> = {}) => {
    const result = await as<T>(user, query, variables);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const orderOf = async (user: TestUser, id: string) => (await must<{ order: Order }>(user, ORDER, { id })).order;
  const splitsOf = (orderId: string) =>
    api.db.query<{
      line: number;
      recipient_id: string;
      role: string;
      amount: string;
      clawed_back: string;
      transfer_status: string;
      reversed_amount: string;
    }>(
      `SELECT line, recipient_id, role, amount, clawed_back, transfer_status, reversed_amount FROM commerce.order_split
        WHERE order_id = $1 ORDER BY line, amount DESC`,
      [orderId],
    );
  const licenceStatus = async (licenseId: string) =>
    ((await request(api.server).get(VERIFY(licenseId)).expect(200)).body as { status: string }).status;
  const orderCount = async () =>
    (await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM commerce."order"`))[0]!.n;
  const priced = (tier: 'personal' | 'commercial', priceAmount: number, priceCurrency: string) => ({
    ...OFFERS[tier],
    priceAmount,
    priceCurrency,
  });
  const enterprise = (priceAmount: number) => ({
    ...OFFERS.commercial,
    tier: 'ENTERPRISE',
    priceAmount,
    priceCurrency: 'KWD',
  });

  beforeAll(async () => {
    api = await startTestApi({ env: { PLATFORM_FEE_BPS: '1000' } });
    pay = new PaymentsDriver(api);
    [alice, bob] = [await world(api).member(), await world(api).member()];
    const ingest = await startTestWorker(api.db.url);
    // Each version sells a yen, a dollar and a dinar licence (one currency per tier).
    a = await publishedVersion(api, alice, {
      offers: [priced('personal', 500, 'JPY'), priced('commercial', 2900, 'USD'), enterprise(12_340)],
    });
    b = await publishedVersion(api, bob, {
      offers: [priced('personal', 1234, 'JPY'), priced('commercial', 1001, 'USD'), enterprise(770)],
    });
    c = await publishedVersion(api, alice, {
      offers: [priced('personal', 50, 'JPY'), priced('commercial', 50, 'USD'), enterprise(210)],
    });
    d = await publishedVersion(api, bob, {
      offers: [priced('personal', 500, 'USD'), { ...OFFERS.exclusive, priceAmount: 10_000, priceCurrency: 'USD' }],
    });
    freeOffer = (await publishedVersion(api, bob, { offers: [OFFERS.free] })).offers['FREE']!.id;
    await ingest.close();
    for (const creator of [alice, bob]) await pay.onboard(creator);
  }, 180_000);
  afterAll(() => api.close());

  it('sells three yen licences in one payment: splits, transfers and the processor fee per line, exact to the yen', async () => {
    const buyer = await world(api).member();
    const offers = [a.offers['PERSONAL']!.id, b.offers['PERSONAL']!.id, c.offers['PERSONAL']!.id];
    const { checkoutOffers } = await must<{ checkoutOffers: { checkoutUrl: string; order: Order } }>(
      buyer,
      CHECKOUT_OFFERS,
      { o: offers },
    );
    expect(checkoutOffers.order).toMatchObject({ status: 'PENDING', amount: 1784, currency: 'JPY' });
    expect(checkoutOffers.order.lines.map((l) => [l.position, l.offerId, l.amount, l.status])).toEqual([
      [1, offers[0], 500, 'PENDING'],
      [2, offers[1], 1234, 'PENDING'],
      [3, offers[2], 50, 'PENDING'],
    ]);
    // A double click (the same offers, in another order) lands on the same order.
    const again = await must<{ checkoutOffers: { order: { id: string } } }>(buyer, CHECKOUT_OFFERS, {
      o: [...offers].reverse(),
    });
    expect(again.checkoutOffers.order.id).toBe(checkoutOffers.order.id);

    // The hosted page shows every line and the one total; one payment.
    const sessionPath = new URL(checkoutOffers.checkoutUrl).pathname;
    const page = await request(api.server).get(sessionPath).expect(200);
    expect(page.text.match(/<li>/g)).toHaveLength(3);
    expect(page.text).toContain('¥1,784');
    await request(api.server).post(`${sessionPath}/confirm?card=succeeds`).expect(303);
    await pay.settle();

    const orderId = checkoutOffers.order.id;
    const order = await orderOf(buyer, orderId);
    expect(order.status).toBe('PAID');
    expect(order.lines.every((l) => l.status === 'PAID' && l.licenseId)).toBe(true);
    // Platform fee 10 % per line (500 → 50, 1234 → 123.4 → 123, 50 → 5); the seller keeps the rest.
    expect((await splitsOf(orderId)).map((s) => [s.line, s.recipient_id, Number(s.amount), s.transfer_status])).toEqual(
      [
        [1, alice.id, 450, 'SENT'],
        [2, bob.id, 1111, 'SENT'],
        [3, alice.id, 45, 'SENT'],
      ],
    );
    // One charge; its fee shared over the lines by largest remainder: 82 over 500 / 1234 / 50 → 23, 57, 2.
    const fee = processorFee(1784);
    const lineFees = await api.db.query<{ processor_fee: string }>(
      `SELECT processor_fee FROM commerce.order_line WHERE order_id = $1 ORDER BY position`,
      [orderId],
    );
    expect(lineFees.map((l) => Number(l.processor_fee))).toEqual(largestRemainder(fee, [500, 1234, 50]));
    expect(largestRemainder(fee, [500, 1234, 50])).toEqual([23, 57, 2]);
    const charges = await api.db.query(
      `SELECT id FROM local_gateway.object WHERE type = 'charge' AND body->>'transfer_group' = $1`,
      [`order:${orderId}`],
    );
    expect(charges).toHaveLength(1);
    // Alice is paid twice (lines 1 and 3), each transfer under its line's own key; line 1 keeps the order's old key.
    const keys = await api.db.query<{ key: string }>(
      `SELECT key FROM local_gateway.idempotency WHERE key LIKE $1 ORDER BY key`,
      [`order:${orderId}:%split%`],
    );
    expect(keys.map((k) => k.key).sort()).toEqual(
      [
        `order:${orderId}:split:${alice.id}`,
        `order:${orderId}:line:2:split:${bob.id}`,
        `order:${orderId}:line:3:split:${alice.id}`,
      ].sort(),
    );
    const sales = await must<{ mySales: { nodes: { orderId: string; price: number; processorFee: number }[] } }>(
      alice,
      SALES,
    );
    expect(
      sales.mySales.nodes
        .filter((s) => s.orderId === orderId)
        .map((s) => [s.price, s.processorFee])
        .sort(),
    ).toEqual(
      [
        [45 + 5, 2],
        [450 + 50, 23],
      ].sort(),
    );

    // The creator of a line refunds part of it: taken back pro rata within that line (111 → fee 11, Bob 100).
    expect(errorCode(await as(bob, REFUND, { id: orderId, line: order.lines[1]!.id, a: 111 }))).toBeUndefined();
    await pay.settle();
    expect((await splitsOf(orderId)).map((s) => Number(s.clawed_back))).toEqual([0, 100, 0]);
    let after = await orderOf(buyer, orderId);
    expect(after.lines.map((l) => l.status)).toEqual(['PAID', 'PARTIALLY_REFUNDED', 'PAID']);
    expect(await licenceStatus(after.lines[1]!.licenseId!)).toBe('ACTIVE');

    // The buyer takes back one whole line (what is left of it): only that licence ends.
    const refunded = await must<{ refundOrder: { amount: number; lines: { position: number; amount: number }[] } }>(
      buyer,
      REFUND,
      { id: orderId, line: order.lines[1]!.id, note: 'Bought it twice by mistake' },
    );
    expect(refunded.refundOrder).toMatchObject({ amount: 1123, lines: [{ position: 2, amount: 1123 }] });
    await pay.settle();
    after = await orderOf(buyer, orderId);
    expect(after.lines.map((l) => [l.status, l.refundedAmount])).toEqual([
      ['PAID', 0],
      ['REFUNDED', 1234],
      ['PAID', 0],
    ]);
    expect(after).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedAmount: 1234 });
    expect(after.refunds.at(-1)).toMatchObject({ note: 'Bought it twice by mistake', status: 'SUCCEEDED' });
    expect(await Promise.all(after.lines.map((l) => licenceStatus(l.licenseId!)))).toEqual([
      'ACTIVE',
      'REVOKED',
      'ACTIVE',
    ]);
    expect((await splitsOf(orderId)).map((s) => [s.line, Number(s.clawed_back), Number(s.reversed_amount)])).toEqual([
      [1, 0, 0],
      [2, 1111, 1111],
      [3, 0, 0],
    ]);
    await pay.assertBooks();
  });

  it('sells three dinar licences exactly to the fils, and a dispute of the one charge takes back every line', async () => {
    const buyer = await world(api).member();
    const offers = [a.offers['ENTERPRISE']!.id, b.offers['ENTERPRISE']!.id, c.offers['ENTERPRISE']!.id];
    const { orderId } = await pay.buyAll(buyer, offers);
    // Every event delivered three times at once and processed newest first: fulfilled once.
    const events = await pay.pending();
    await Promise.all(events.flatMap((e) => [pay.post(e), pay.post(e), pay.post(e)]));
    await pay.deliver(events);
    expect(await pay.process('reverse')).toEqual([]);
    await pay.settle();
    const order = await orderOf(buyer, orderId);
    expect(order).toMatchObject({ status: 'PAID', amount: 13_320, currency: 'KWD' });
    const grants = await api.db.query(`SELECT id FROM licensing.grant WHERE order_ref LIKE $1`, [`order:${orderId}%`]);
    expect(grants).toHaveLength(3);
    expect(
      await api.db.query(`SELECT id FROM ledger.transaction WHERE external_ref = $1`, [`order:${orderId}:paid`]),
    ).toHaveLength(1);
    const lines = await api.db.query<{ amount: string; platform_fee: string; processor_fee: string }>(
      `SELECT amount, platform_fee, processor_fee FROM commerce.order_line WHERE order_id = $1 ORDER BY position`,
      [orderId],
    );
    const splits = await splitsOf(orderId);
    for (const [i, line] of lines.entries()) {
      const parts = splits.filter((s) => s.line === i + 1).reduce((sum, s) => sum + Number(s.amount), 0);
      expect(Number(line.platform_fee) + parts).toBe(Number(line.amount)); // each line sums to its price
      expect(Math.abs(Number(line.platform_fee) - Number(line.amount) / 10)).toBeLessThanOrEqual(0.5);
    }
    expect(lines.map((l) => Number(l.processor_fee))).toEqual(
      largestRemainder(processorFee(13_320), [12_340, 770, 210]),
    );

    // The cardholder disputes the charge and loses: every line's licence ends, every line's parties give back.
    const [charge] = await api.db.query<{ charge_id: string }>(`SELECT charge_id FROM commerce."order" WHERE id = $1`, [
      orderId,
    ]);
    const disputeId = await pay.provider.dispute(charge!.charge_id);
    await pay.settle();
    expect((await orderOf(buyer, orderId)).lines.map((l) => l.status)).toEqual(['DISPUTED', 'DISPUTED', 'DISPUTED']);
    expect(errorCode(await as(buyer, REFUND, { id: orderId }))).toBe('ORDER_DISPUTED');
    await pay.provider.closeDispute(disputeId, 'lost');
    await pay.settle();
    const lost = await orderOf(buyer, orderId);
    expect(lost.status).toBe('DISPUTE_LOST');
    expect(await Promise.all(lost.lines.map((l) => licenceStatus(l.licenseId!)))).toEqual([
      'REVOKED',
      'REVOKED',
      'REVOKED',
    ]);
    expect((await splitsOf(orderId)).every((s) => Number(s.clawed_back) === Number(s.amount))).toBe(true);
    await pay.assertBooks();
  });

  it('refunds a line whose licence can no longer be granted when the payment lands, and grants the rest', async () => {
    const late = await world(api).member();
    const opened = await pay.checkoutOffers(late, [c.offers['COMMERCIAL']!.id, d.offers['PERSONAL']!.id]);
    // Meanwhile someone buys D exclusively: no other licence of it may be granted any more.
    await pay.buy(await world(api).member(), d.offers['EXCLUSIVE']!.id);
    await pay.settle();
    await request(api.server).post(`/local-gateway/checkout/${opened.sessionId}/confirm?card=succeeds`).expect(303);
    await pay.settle();
    const order = await orderOf(late, opened.orderId);
    expect(order.status).toBe('PARTIALLY_REFUNDED');
    expect(order.lines.map((l) => [l.status, !!l.licenseId, l.unavailableReason])).toEqual([
      ['PAID', true, null],
      ['REFUNDED', false, 'VERSION_EXCLUSIVELY_LICENSED'],
    ]);
    expect(order.refunds).toEqual([
      {
        amount: 500,
        reason: 'LICENSE_UNAVAILABLE',
        status: 'SUCCEEDED',
        note: null,
        lines: [{ position: 2, amount: 500 }],
      },
    ]);
    expect(await licenceStatus(order.lines[0]!.licenseId!)).toBe('ACTIVE');
    // Bob was never paid for the line that could not be granted; Alice was paid for hers.
    expect((await splitsOf(opened.orderId)).map((s) => [s.line, s.transfer_status])).toEqual([
      [1, 'SENT'],
      [2, 'CANCELLED'],
    ]);
    await pay.assertBooks();
  });

  it('shows a creator only the lines that pay them, and lists sales per line', async () => {
    const buyer = await world(api).member();
    const { orderId } = await pay.buyAll(buyer, [a.offers['COMMERCIAL']!.id, b.offers['COMMERCIAL']!.id]);
    await pay.settle();
    const seen = await orderOf(bob, orderId);
    expect(seen.lines.map((l) => [l.position, l.seller.handle])).toEqual([[2, bob.handle]]);
    expect(seen).toMatchObject({ amount: 1001, itemName: seen.lines[0]!.itemName });
    expect((await orderOf(buyer, orderId)).lines).toHaveLength(2);
    const sales = await must<{
      mySales: { nodes: { orderId: string; lineId: string; price: number; splits: unknown[] }[] };
    }>(bob, SALES);
    expect(sales.mySales.nodes.filter((s) => s.orderId === orderId)).toEqual([
      expect.objectContaining({
        lineId: seen.lines[0]!.id,
        price: 1001,
        splits: [expect.objectContaining({ amount: 901 })],
      }),
    ]);
    // A creator cannot refund another creator's line, nor "the order" that is not all theirs.
    const aliceLine = (await orderOf(buyer, orderId)).lines[0]!;
    expect(errorCode(await as(bob, REFUND, { id: orderId, line: aliceLine.id }))).toBe('ORDER_LINE_NOT_FOUND');
    expect(errorCode(await as(bob, REFUND, { id: orderId }))).toBe('ORDER_LINE_REQUIRED');
    // The buyer gets everything back in one refund (one provider refund, a line each).
    const all = await must<{ refundOrder: { amount: number; lines: { position: number; amount: number }[] } }>(
      buyer,
      REFUND,
      {
        id: orderId,
      },
    );
    expect(all.refundOrder).toMatchObject({
      amount: 3901,
      lines: [
        { position: 1, amount: 2900 },
        { position: 2, amount: 1001 },
      ],
    });
    await pay.settle();
    const refunded = await orderOf(buyer, orderId);
    expect(refunded).toMatchObject({ status: 'REFUNDED', refundedAmount: 3901 });
    expect(await Promise.all(refunded.lines.map((l) => licenceStatus(l.licenseId!)))).toEqual(['REVOKED', 'REVOKED']);
    const providerRefunds = await api.db.query(
      `SELECT id FROM local_gateway.object WHERE type = 'refund' AND body->'metadata'->>'order_id' = $1`,
      [orderId],
    );
    expect(providerRefunds).toHaveLength(1);
    await pay.assertBooks();
  });

  it('refuses bad carts and bad refunds with typed errors, creating nothing', async () => {
    const buyer = await world(api).member();
    const before = await orderCount();
    const missing = '0190a5b0-0000-7000-8000-000000000000';
    const twentyOne = Array.from({ length: 21 }, (_, i) => `0190a5b0-0000-7000-8000-${String(i).padStart(12, '0')}`);
    const cases: [string, TestUser | undefined, unknown, string, Record<string, unknown>?][] = [
      ['an empty list', buyer, [], 'EMPTY_ORDER'],
      [
        'one offer twice',
        buyer,
        [a.offers['PERSONAL']!.id, b.offers['PERSONAL']!.id, a.offers['PERSONAL']!.id],
        'DUPLICATE_OFFERS',
        { offerIds: [a.offers['PERSONAL']!.id] },
      ],
      ['more than 20 offers', buyer, twentyOne, 'TOO_MANY_ORDER_LINES', { max: 20 }],
      [
        'yen and dollars',
        buyer,
        [a.offers['PERSONAL']!.id, b.offers['COMMERCIAL']!.id],
        'MIXED_CURRENCIES',
        { currencies: ['JPY', 'USD'] },
      ],
      [
        'three currencies',
        buyer,
        [a.offers['PERSONAL']!.id, b.offers['COMMERCIAL']!.id, c.offers['ENTERPRISE']!.id],
        'MIXED_CURRENCIES',
        { currencies: ['JPY', 'KWD', 'USD'] },
      ],
      [
        'the creator’s own offer',
        alice,
        [b.offers['PERSONAL']!.id, a.offers['PERSONAL']!.id],
        'CANNOT_LICENSE_OWN_WORK',
        { offerId: a.offers['PERSONAL']!.id },
      ],
      ['an unknown offer', buyer, [a.offers['PERSONAL']!.id, missing], 'OFFER_NOT_FOUND', { offerId: missing }],
      [
        'two tiers of one version',
        buyer,
        [a.offers['COMMERCIAL']!.id, c.offers['COMMERCIAL']!.id, a.offers['ENTERPRISE']!.id],
        'OFFERS_FOR_SAME_VERSION',
        { offerIds: [a.offers['COMMERCIAL']!.id, a.offers['ENTERPRISE']!.id] },
      ],
      ['a free offer', buyer, [b.offers['COMMERCIAL']!.id, freeOffer], 'WRONG_LICENSE_SOURCE', { offerId: freeOffer }],
      [
        'an offer no longer on sale',
        buyer,
        [b.offers['COMMERCIAL']!.id, d.offers['PERSONAL']!.id],
        'VERSION_EXCLUSIVELY_LICENSED',
        { offerId: d.offers['PERSONAL']!.id },
      ],
      ['a malformed id', buyer, [a.offers['PERSONAL']!.id, 'not-an-id'], 'BAD_USER_INPUT'],
      ['no list at all', buyer, null, 'BAD_USER_INPUT'],
      ['nobody signed in', undefined, [a.offers['PERSONAL']!.id], 'UNAUTHENTICATED'],
    ];
    for (const [label, who, offerIds, code, details] of cases) {
      const result = await as(who, CHECKOUT_OFFERS, { o: offerIds });
      expect({ label, code: errorCode(result) }).toEqual({ label, code });
      if (details) expect({ label, details: result.errors![0]!.extensions }).toMatchObject({ label, details });
    }
    // A licence the buyer already holds.
    const holder = await world(api).member();
    await pay.buy(holder, c.offers['PERSONAL']!.id);
    await pay.settle();
    const held = await as(holder, CHECKOUT_OFFERS, { o: [a.offers['PERSONAL']!.id, c.offers['PERSONAL']!.id] });
    expect(errorCode(held)).toBe('ALREADY_LICENSED');
    expect(await orderCount()).toBe(before + 1); // the holder's own purchase, nothing else

    // Refunds: bad lines, amounts and notes are refused, and nothing is recorded.
    const { orderId } = await pay.buyAll(buyer, [b.offers['PERSONAL']!.id, c.offers['PERSONAL']!.id]);
    await pay.settle();
    const order = await orderOf(buyer, orderId);
    const otherOrder = (
      await orderOf(
        holder,
        (await api.db.query<{ id: string }>(`SELECT id FROM commerce."order" WHERE buyer_id = $1`, [holder.id]))[0]!.id,
      )
    ).lines[0]!;
    const refunds: [string, TestUser, Record<string, unknown>, string][] = [
      ['an amount without a line', buyer, { a: 5 }, 'ORDER_LINE_REQUIRED'],
      ['a line of another order', buyer, { line: otherOrder.id }, 'ORDER_LINE_NOT_FOUND'],
      ['a malformed line id', buyer, { line: 'line-1' }, 'BAD_USER_INPUT'],
      ['part of a line, by the buyer', buyer, { line: order.lines[0]!.id, a: 1 }, 'BUYER_REFUNDS_ARE_FULL'],
      ['more than the line cost', bob, { line: order.lines[0]!.id, a: 1235 }, 'INVALID_REFUND_AMOUNT'],
      ['a note of 501 characters', buyer, { line: order.lines[0]!.id, note: 'x'.repeat(501) }, 'INVALID_TEXT'],
      ['a note with a NUL', buyer, { line: order.lines[0]!.id, note: 'oops\u0000' }, 'INVALID_TEXT'],
    ];
    for (const [label, who, variables, code] of refunds) {
      expect({ label, code: errorCode(await as(who, REFUND, { id: orderId, ...variables })) }).toEqual({ label, code });
    }
    expect(await api.db.query(`SELECT id FROM commerce.refund WHERE order_id = $1`, [orderId])).toEqual([]);
  });

  it('counts a checkout of several offers against the same limit as single checkouts (60 per 10 minutes)', async () => {
    const eager = await world(api).member();
    const results = [];
    for (let i = 0; i < 30; i += 1) results.push(await as(eager, CHECKOUT, { o: a.offers['COMMERCIAL']!.id }));
    for (let i = 0; i < 30; i += 1) {
      results.push(await as(eager, CHECKOUT_OFFERS, { o: [a.offers['COMMERCIAL']!.id, b.offers['COMMERCIAL']!.id] }));
    }
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(errorCode(await as(eager, CHECKOUT_OFFERS, { o: [c.offers['COMMERCIAL']!.id] }))).toBe('RATE_LIMITED');
    // Sixty clicks made two orders (one per set of offers).
    expect(await api.db.query(`SELECT id FROM commerce."order" WHERE buyer_id = $1`, [eager.id])).toHaveLength(2);
  });

  (comfyuiReferencePresent ? describe : describe.skip)('with a template line (its royalty cascade)', () => {
    let owner: TestUser;
    let artist: TestUser;
    let templateOffer: string;

    beforeAll(async () => {
      [owner, artist] = [await world(api).member(), await world(api).member()];
      for (const user of [owner, artist]) await pay.onboard(user);
      const original = await referenceTemplate(api, owner, 'Harbour Cats Official', { draft: true });
      const ip = await must<{ registerIntellectualProperty: { id: string } }>(
        owner,
        `mutation { registerIntellectualProperty(input: { name: "Harbour Cats", kind: FRANCHISE }) { id } }`,
      );
      await must(
        owner,
        `mutation($t: UUID!, $ip: UUID!, $terms: RemixTermsInput!) { bindTemplateToIp(templateId: $t, ipId: $ip, terms: $terms) { id } }`,
        {
          t: original.id,
          ip: ip.registerIntellectualProperty.id,
          terms: {
            remixAllowed: true,
            changeableSlots: null,
            allowedUses: ['PERSONAL', 'COMMERCIAL'],
            attribution: ['Harbour Cats © Harbour Studio'],
            ipShareBps: 1500,
            maxMaturity: 'SUGGESTIVE',
            requiredTags: [],
            approval: 'MANUAL',
          },
        },
      );
      await publishTemplateVersion(api, owner, original.versionId);
      const remix = await remixOf(api, artist, original.id, 'Harbour Cats at Dusk', 1000);
      await must(owner, `mutation($t: UUID!) { decideRemix(templateId: $t, approve: true) { status } }`, {
        t: remix.id,
      });
      await publishTemplateVersion(api, artist, remix.versionId);
      const set = await must<{ setTemplateLicenseOffers: { id: string }[] }>(
        artist,
        `mutation($v: UUID!, $o: [LicenseOfferInput!]!) { setTemplateLicenseOffers(versionId: $v, offers: $o) { id } }`,
        { v: remix.versionId, o: [priced('commercial', 10_000, 'USD')] },
      );
      templateOffer = set.setTemplateLicenseOffers[0]!.id;
    }, 120_000);

    it('sells a template and two models in one dollar payment; the template line pays its lineage; refunds per line', async () => {
      const buyer = await world(api).member();
      const { orderId } = await pay.buyAll(buyer, [
        templateOffer,
        a.offers['COMMERCIAL']!.id,
        b.offers['COMMERCIAL']!.id,
      ]);
      await pay.settle();
      const order = await orderOf(buyer, orderId);
      expect(order).toMatchObject({ status: 'PAID', amount: 13_901, currency: 'USD' });
      // Line 1, 10,000: fee 1,000; the IP owner 15 % of 9,000 = 1,350, plus the artist's declared 10 % of 7,650 = 765
      // for the original (the IP owner's own); the artist keeps 6,885. Lines 2 and 3 pay their sellers.
      expect(
        (await splitsOf(orderId)).map((s) => [s.line, s.recipient_id, s.role, Number(s.amount), s.transfer_status]),
      ).toEqual([
        [1, artist.id, 'SELLER', 6885, 'SENT'],
        [1, owner.id, 'IP_OWNER', 2115, 'SENT'],
        [2, alice.id, 'SELLER', 2610, 'SENT'],
        [3, bob.id, 'SELLER', 901, 'SENT'],
      ]);
      const lineFees = await api.db.query<{ processor_fee: string }>(
        `SELECT processor_fee FROM commerce.order_line WHERE order_id = $1 ORDER BY position`,
        [orderId],
      );
      expect(lineFees.map((l) => Number(l.processor_fee))).toEqual(
        largestRemainder(processorFee(13_901), [10_000, 2900, 1001]),
      );
      expect(order.lines[0]).toMatchObject({ tier: 'COMMERCIAL', status: 'PAID' });

      // Refund the template line: the lineage gives back its parts (reversed transfers); the models keep theirs.
      expect(errorCode(await as(buyer, REFUND, { id: orderId, line: order.lines[0]!.id }))).toBeUndefined();
      await pay.settle();
      expect((await splitsOf(orderId)).map((s) => Number(s.reversed_amount))).toEqual([6885, 2115, 0, 0]);
      const after = await orderOf(buyer, orderId);
      expect(after.lines.map((l) => l.status)).toEqual(['REFUNDED', 'PAID', 'PAID']);
      expect(await Promise.all(after.lines.map((l) => licenceStatus(l.licenseId!)))).toEqual([
        'REVOKED',
        'ACTIVE',
        'ACTIVE',
      ]);
      // Then everything else, in one refund.
      expect(errorCode(await as(buyer, REFUND, { id: orderId }))).toBeUndefined();
      await pay.settle();
      expect((await orderOf(buyer, orderId)).status).toBe('REFUNDED');
      expect((await splitsOf(orderId)).map((s) => Number(s.reversed_amount))).toEqual([6885, 2115, 2610, 901]);
      await pay.assertBooks();
    });
  });
});
