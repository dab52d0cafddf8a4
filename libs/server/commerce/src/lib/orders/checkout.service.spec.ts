import { APP_CONFIG, Clock, RateLimiter, Transactions } from '@lookbook/core';
import { ConflictError, money, RateLimitedError } from '@lookbook/kernel';
import type { Money } from '@lookbook/kernel';
import type { PurchaseQuote } from '@lookbook/licensing';
import { LicensingFacade } from '@lookbook/licensing';
import type { SplitPlan } from '@lookbook/templates';
import { TemplatesFacade } from '@lookbook/templates';
import { FakeClock, InlineTransactions, newTestService, TEST_MANAGER, testConfig } from '@lookbook/testing';
import { anOrder, anOrderLine } from '../../testing';
import { PaymentProvider, ProviderUnavailableError } from '../provider/payment-provider';
import { CHECKOUT_RATE_LIMIT, CheckoutService, MAX_ORDER_LINES } from './checkout.service';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderEntity } from './order.entity';
import { OpenOrderExists, OrderRepository } from './order.repository';

const now = new Date('2026-03-01T12:00:00.000Z');
const buyerId = anOrder().buyerId;
const line = anOrderLine();
const quote: PurchaseQuote = {
  offerId: line.offerId,
  offerRevision: 3,
  subjectKind: 'MODEL',
  tier: 'COMMERCIAL',
  price: money(2000, 'EUR'),
  versionId: line.versionId,
  subjectId: line.subjectId,
  sellerId: line.sellerId,
  itemName: 'Ink Wash v1',
};
// Two more offers, of other versions and sellers: a template (with an IP owner upstream) and a model.
const ids = (n: number) => `00000000-0000-4000-8000-0000000002${String(n).padStart(2, '0')}`;
const template: PurchaseQuote = {
  ...quote,
  offerId: ids(1),
  versionId: ids(2),
  subjectId: ids(3),
  sellerId: ids(4),
  subjectKind: 'TEMPLATE',
  price: money(999, 'EUR'),
  itemName: 'Portrait flow — v2 (commercial licence)',
};
const other: PurchaseQuote = {
  ...quote,
  offerId: ids(5),
  versionId: ids(6),
  sellerId: ids(7),
  price: money(1, 'EUR'),
  itemName: 'Tiny LoRA',
};
const ipOwner = ids(8);

/** The templates domain's plan, as its facade gives it: the template has an IP owner upstream. */
const planOf = (subjectId: string, sellerId: string, price: Money): SplitPlan => {
  const fee = Math.floor((price.amount * 1500) / 10_000);
  if (subjectId === template.subjectId) {
    return {
      price,
      platformFee: money(fee, 'EUR'),
      parts: [
        { recipientId: ipOwner, role: 'IP_OWNER', amount: money(200, 'EUR'), shareBps: 2352 },
        { recipientId: sellerId, role: 'SELLER', amount: money(price.amount - fee - 200, 'EUR'), shareBps: 7648 },
      ],
    };
  }
  return {
    price,
    platformFee: money(fee, 'EUR'),
    parts: [{ recipientId: sellerId, role: 'SELLER', amount: money(price.amount - fee, 'EUR'), shareBps: 10_000 }],
  };
};

function setUp(open: OrderEntity | null = null, openLines: OrderLineEntity[] = []) {
  const { sut, mock } = newTestService(CheckoutService, [
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(now)],
    [APP_CONFIG, testConfig({ PLATFORM_FEE_BPS: '1500', CHECKOUT_TTL_MINUTES: '30' })],
  ]);
  mock(RateLimiter).consume.mockResolvedValue(undefined);
  const quotes = [quote, template, other];
  mock(LicensingFacade).quote.mockImplementation((offerId: string) => {
    const found = quotes.find((q) => q.offerId === offerId);
    return found
      ? Promise.resolve(found)
      : Promise.reject(new ConflictError('OFFER_NOT_FOUND', 'Licence offer not found'));
  });
  mock(TemplatesFacade).splitPlan.mockImplementation(
    (subjectId: string, sellerId: string, price: Money, bps: number) =>
      bps === 1500 ? Promise.resolve(planOf(subjectId, sellerId, price)) : Promise.reject(new Error(`fee ${bps}`)),
  );
  const orders = mock(OrderRepository);
  orders.openOf.mockResolvedValue(open);
  orders.linesOf.mockImplementation((id: string) =>
    Promise.resolve(open?.id === id ? openLines : (orders.insertWithLines.mock.calls.at(-1)?.[2] ?? [])),
  );
  orders.insertWithLines.mockResolvedValue(undefined);
  orders.update.mockResolvedValue(undefined);
  const provider = mock(PaymentProvider);
  provider.createCheckoutSession.mockResolvedValue({
    id: 'cs_new',
    url: 'https://pay.example/cs_new',
  } as never);
  return { sut, mock, orders, provider };
}

const openOrder = (change: Partial<OrderEntity> = {}) =>
  anOrder({
    status: 'PENDING',
    amount: 2000,
    checkoutSessionId: 'cs_open',
    checkoutUrl: 'https://pay.example/cs_open',
    checkoutExpiresAt: new Date(now.getTime() + 60_000),
    ...change,
  });
const openLine = (change: Partial<OrderLineEntity> = {}) => anOrderLine({ offerRevision: 3, amount: 2000, ...change });

describe('opening a checkout of one offer', () => {
  it('records an order of one line with the price and split plan as quoted, then opens its session with the order’s key', async () => {
    const { sut, orders, provider } = setUp();
    const order = await sut.checkout(buyerId, quote.offerId);
    const [manager, created, lines, splits] = orders.insertWithLines.mock.calls[0]!;
    expect(manager).toBe(TEST_MANAGER);
    expect(created).toMatchObject({
      amount: 2000,
      currency: 'EUR',
      platformFee: 300,
      offerIds: [quote.offerId],
      itemName: 'Ink Wash v1',
      status: 'PENDING',
    });
    expect(lines).toEqual([
      expect.objectContaining({ orderId: created.id, position: 1, offerRevision: 3, amount: 2000, platformFee: 300 }),
    ]);
    expect(created.checkoutExpiresAt).toEqual(new Date(now.getTime() + 30 * 60_000));
    expect(splits).toEqual([
      expect.objectContaining({ line: 1, recipientId: quote.sellerId, role: 'SELLER', amount: 1700 }),
    ]);
    expect(provider.createCheckoutSession).toHaveBeenCalledWith(
      expect.objectContaining({
        orderId: created.id,
        amount: 2000,
        lines: [{ name: 'Ink Wash v1', amount: 2000 }],
        transferGroup: `order:${created.id}`,
      }),
      `order:${created.id}`,
    );
    expect(order).toMatchObject({ checkoutSessionId: 'cs_new', checkoutUrl: 'https://pay.example/cs_new' });
  });

  it('returns the buyer’s open order again (a double click): no new order, no new session', async () => {
    const open = openOrder();
    const { sut, orders, provider } = setUp(open, [openLine()]);
    await expect(sut.checkout(buyerId, quote.offerId)).resolves.toBe(open);
    expect(orders.openOf).toHaveBeenCalledWith(buyerId, [quote.offerId], TEST_MANAGER);
    expect(orders.insertWithLines).not.toHaveBeenCalled();
    expect(provider.createCheckoutSession).not.toHaveBeenCalled();
  });

  it.each([
    ['its checkout expired', { checkoutExpiresAt: now }, {}],
    ['the offer’s terms changed since', {}, { offerRevision: 2 }],
  ])('closes a stale open order (%s) and opens a new one', async (_, change, lineChange) => {
    const stale = openOrder(change);
    const { sut, orders } = setUp(stale, [openLine(lineChange)]);
    const order = await sut.checkout(buyerId, quote.offerId);
    expect(orders.update).toHaveBeenCalledWith(stale.id, { status: 'CANCELLED', updatedAt: now }, TEST_MANAGER);
    expect(order.id).not.toBe(stale.id);
  });

  it('lands on the first order when two clicks insert at once', async () => {
    const first = openOrder();
    const { sut, orders, provider } = setUp();
    orders.insertWithLines.mockRejectedValue(new OpenOrderExists());
    orders.openOf.mockResolvedValueOnce(null).mockResolvedValueOnce(first);
    await expect(sut.checkout(buyerId, quote.offerId)).resolves.toBe(first);
    expect(provider.createCheckoutSession).not.toHaveBeenCalled();
  });

  it('reopens the session of an order whose session was never recorded (same key, same session)', async () => {
    const { sut, provider } = setUp(openOrder({ checkoutSessionId: null, checkoutUrl: null }), [openLine()]);
    await sut.checkout(buyerId, quote.offerId);
    expect(provider.createCheckoutSession).toHaveBeenCalledWith(expect.anything(), `order:${anOrder().id}`);
  });
});

describe('opening a checkout of several offers', () => {
  it('records one order with a line per offer (in the buyer’s order), splits per line, and one session of N line items', async () => {
    const { sut, orders, provider } = setUp();
    const order = await sut.checkoutOffers(buyerId, [template.offerId, quote.offerId, other.offerId]);
    const [, created, lines, splits] = orders.insertWithLines.mock.calls[0]!;
    expect(lines.map((l) => [l.position, l.offerId, l.amount, l.platformFee, l.sellerId])).toEqual([
      [1, template.offerId, 999, 149, template.sellerId],
      [2, quote.offerId, 2000, 300, quote.sellerId],
      [3, other.offerId, 1, 0, other.sellerId],
    ]);
    // The order keeps the totals; its open-checkout key is the sorted set of offers.
    expect(created).toMatchObject({
      amount: 2999 + 1,
      platformFee: 449,
      currency: 'EUR',
      itemName: 'Portrait flow — v2 (commercial licence) + 2 more',
      offerIds: [template.offerId, quote.offerId, other.offerId].sort(),
    });
    expect(splits.map((s) => [s.line, s.recipientId, s.role, s.amount])).toEqual([
      [1, ipOwner, 'IP_OWNER', 200],
      [1, template.sellerId, 'SELLER', 650],
      [2, quote.sellerId, 'SELLER', 1700],
      [3, other.sellerId, 'SELLER', 1],
    ]);
    // Every line sums to its price, and the lines to the order.
    for (const l of lines) {
      expect(l.platformFee + splits.filter((s) => s.line === l.position).reduce((a, s) => a + s.amount, 0)).toBe(
        l.amount,
      );
    }
    expect(provider.createCheckoutSession).toHaveBeenCalledWith(
      expect.objectContaining({
        amount: 3000,
        currency: 'EUR',
        lines: [
          { name: template.itemName, amount: 999 },
          { name: quote.itemName, amount: 2000 },
          { name: other.itemName, amount: 1 },
        ],
      }),
      `order:${created.id}`,
    );
    expect(order.id).toBe(created.id);
  });

  it('finds the open order of the same set of offers whatever their order (a double click)', async () => {
    const open = openOrder({ offerIds: [quote.offerId, other.offerId].sort() });
    const { sut, orders } = setUp(open, [
      openLine({ position: 1, offerId: other.offerId }),
      openLine({ position: 2, offerId: quote.offerId }),
    ]);
    await expect(sut.checkoutOffers(buyerId, [quote.offerId, other.offerId])).resolves.toBe(open);
    expect(orders.openOf).toHaveBeenCalledWith(buyerId, [quote.offerId, other.offerId].sort(), TEST_MANAGER);
    expect(orders.insertWithLines).not.toHaveBeenCalled();
  });

  it.each([
    ['no offer', [], 'EMPTY_ORDER', {}],
    [
      'one offer twice',
      [quote.offerId, other.offerId, quote.offerId],
      'DUPLICATE_OFFERS',
      { offerIds: [quote.offerId] },
    ],
    [
      `more than ${MAX_ORDER_LINES} offers`,
      Array.from({ length: MAX_ORDER_LINES + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
      'TOO_MANY_ORDER_LINES',
      { max: MAX_ORDER_LINES },
    ],
  ])('refuses %s before asking anyone anything', async (_, offerIds, code, details) => {
    const { sut, mock, orders, provider } = setUp();
    await expect(sut.checkoutOffers(buyerId, offerIds)).rejects.toMatchObject({ code, details });
    expect(mock(RateLimiter).consume).not.toHaveBeenCalled();
    expect(mock(LicensingFacade).quote).not.toHaveBeenCalled();
    expect(orders.insertWithLines).not.toHaveBeenCalled();
    expect(provider.createCheckoutSession).not.toHaveBeenCalled();
  });

  it('names the offer licensing refuses, with licensing’s own code, and records nothing', async () => {
    const { sut, mock, orders } = setUp();
    const missing = '00000000-0000-4000-8000-0000000009ff';
    await expect(sut.checkoutOffers(buyerId, [quote.offerId, missing])).rejects.toMatchObject({
      code: 'OFFER_NOT_FOUND',
      details: { offerId: missing },
    });
    mock(LicensingFacade)
      .quote.mockResolvedValueOnce(quote)
      .mockResolvedValueOnce({ ...other, tier: 'FREE' });
    await expect(sut.checkoutOffers(buyerId, [quote.offerId, other.offerId])).rejects.toMatchObject({
      code: 'FREE_OFFER_NOT_SOLD',
      details: { offerId: other.offerId },
    });
    expect(orders.insertWithLines).not.toHaveBeenCalled();
  });

  it('refuses offers priced in different currencies, naming them', async () => {
    const { sut, mock, orders } = setUp();
    mock(LicensingFacade)
      .quote.mockResolvedValueOnce(quote)
      .mockResolvedValueOnce({ ...other, price: money(500, 'JPY') })
      .mockResolvedValueOnce({ ...template, price: money(1250, 'KWD') });
    await expect(sut.checkoutOffers(buyerId, [quote.offerId, other.offerId, template.offerId])).rejects.toMatchObject({
      code: 'MIXED_CURRENCIES',
      details: { currencies: ['EUR', 'JPY', 'KWD'] },
    });
    expect(orders.insertWithLines).not.toHaveBeenCalled();
  });

  it('refuses two tiers of the same version in one checkout', async () => {
    const { sut, mock, orders } = setUp();
    mock(LicensingFacade)
      .quote.mockResolvedValueOnce(quote)
      .mockResolvedValueOnce({ ...other, versionId: quote.versionId, tier: 'PERSONAL' });
    await expect(sut.checkoutOffers(buyerId, [quote.offerId, other.offerId])).rejects.toMatchObject({
      code: 'OFFERS_FOR_SAME_VERSION',
      details: { offerIds: [quote.offerId, other.offerId] },
    });
    expect(orders.insertWithLines).not.toHaveBeenCalled();
  });
});

describe('what cannot be bought', () => {
  it('refuses free offers (they are claimed) before anything is recorded', async () => {
    const { sut, mock, orders } = setUp();
    mock(LicensingFacade).quote.mockResolvedValue({ ...quote, tier: 'FREE', price: money(0, 'EUR') });
    await expect(sut.checkout(buyerId, quote.offerId)).rejects.toMatchObject({ code: 'FREE_OFFER_NOT_SOLD' });
    expect(orders.insertWithLines).not.toHaveBeenCalled();
  });

  it('refuses a price that is not a positive whole amount', async () => {
    const { sut, mock, orders } = setUp();
    mock(LicensingFacade).quote.mockResolvedValue({ ...quote, price: { amount: 0, currency: 'EUR' } });
    await expect(sut.checkout(buyerId, quote.offerId)).rejects.toMatchObject({ code: 'INVALID_PRICE' });
    expect(orders.insertWithLines).not.toHaveBeenCalled();
  });

  it('stops a runaway client before it reaches the provider (one or several offers alike)', async () => {
    const { sut, mock, provider } = setUp();
    mock(RateLimiter).consume.mockRejectedValue(new RateLimitedError(30));
    await expect(sut.checkout(buyerId, quote.offerId)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(sut.checkoutOffers(buyerId, [quote.offerId, other.offerId])).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    expect(mock(RateLimiter).consume).toHaveBeenCalledWith(CHECKOUT_RATE_LIMIT, buyerId);
    expect(provider.createCheckoutSession).not.toHaveBeenCalled();
  });

  it('says the provider is unavailable when it does not answer (the order stays, for a retry)', async () => {
    const { sut, orders, provider } = setUp();
    provider.createCheckoutSession.mockRejectedValue(new ProviderUnavailableError('timeout'));
    await expect(sut.checkout(buyerId, quote.offerId)).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
    expect(orders.insertWithLines).toHaveBeenCalled();
    expect(orders.update).not.toHaveBeenCalled();
  });
});
