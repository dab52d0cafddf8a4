import { APP_CONFIG, Clock, RateLimiter, Transactions } from '@lookbook/core';
import { money, RateLimitedError } from '@lookbook/kernel';
import type { PurchaseQuote } from '@lookbook/licensing';
import { LicensingFacade } from '@lookbook/licensing';
import { FakeClock, InlineTransactions, newTestService, TEST_MANAGER, testConfig } from '@lookbook/testing';
import { anOrder } from '../../testing';
import { PaymentProvider, ProviderUnavailableError } from '../provider/payment-provider';
import { CHECKOUT_RATE_LIMIT, CheckoutService } from './checkout.service';
import type { OrderEntity } from './order.entity';
import { OpenOrderExists, OrderRepository } from './order.repository';
import { RoyaltyShares } from './royalty-shares.service';

const now = new Date('2026-03-01T12:00:00.000Z');
const buyerId = anOrder().buyerId;
const quote: PurchaseQuote = {
  offerId: anOrder().offerId,
  offerRevision: 3,
  subjectKind: 'MODEL',
  tier: 'COMMERCIAL',
  price: money(2000, 'EUR'),
  versionId: anOrder().versionId,
  modelId: anOrder().modelId,
  sellerId: anOrder().sellerId,
  itemName: 'Ink Wash v1',
};

function setUp(open: OrderEntity | null = null) {
  const { sut, mock } = newTestService(CheckoutService, [
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(now)],
    [APP_CONFIG, testConfig({ PLATFORM_FEE_BPS: '1500', CHECKOUT_TTL_MINUTES: '30' })],
  ]);
  mock(RateLimiter).consume.mockResolvedValue(undefined);
  mock(LicensingFacade).quote.mockResolvedValue(quote);
  mock(RoyaltyShares).planFor.mockResolvedValue({
    price: quote.price,
    platformFee: money(300, 'EUR'),
    parts: [{ recipientId: quote.sellerId, role: 'SELLER', amount: money(1700, 'EUR'), shareBps: 10_000 }],
  });
  const orders = mock(OrderRepository);
  orders.openOf.mockResolvedValue(open);
  orders.insertWithSplits.mockResolvedValue(undefined);
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
    offerRevision: 3,
    amount: 2000,
    checkoutSessionId: 'cs_open',
    checkoutUrl: 'https://pay.example/cs_open',
    checkoutExpiresAt: new Date(now.getTime() + 60_000),
    ...change,
  });

describe('opening a checkout', () => {
  it('records the order with the price and split plan as quoted, then opens its session with the order’s key', async () => {
    const { sut, orders, provider } = setUp();
    const order = await sut.checkout(buyerId, quote.offerId);
    const [manager, created, splits] = orders.insertWithSplits.mock.calls[0]!;
    expect(manager).toBe(TEST_MANAGER);
    expect(created).toMatchObject({
      amount: 2000,
      currency: 'EUR',
      platformFee: 300,
      offerRevision: 3,
      status: 'PENDING',
    });
    expect(created.checkoutExpiresAt).toEqual(new Date(now.getTime() + 30 * 60_000));
    expect(splits).toEqual([expect.objectContaining({ recipientId: quote.sellerId, role: 'SELLER', amount: 1700 })]);
    expect(provider.createCheckoutSession).toHaveBeenCalledWith(
      expect.objectContaining({ orderId: created.id, amount: 2000, transferGroup: `order:${created.id}` }),
      `order:${created.id}`,
    );
    expect(order).toMatchObject({ checkoutSessionId: 'cs_new', checkoutUrl: 'https://pay.example/cs_new' });
  });

  it('returns the buyer’s open order again (a double click): no new order, no new session', async () => {
    const open = openOrder();
    const { sut, orders, provider } = setUp(open);
    await expect(sut.checkout(buyerId, quote.offerId)).resolves.toBe(open);
    expect(orders.insertWithSplits).not.toHaveBeenCalled();
    expect(provider.createCheckoutSession).not.toHaveBeenCalled();
  });

  it.each([
    ['its checkout expired', { checkoutExpiresAt: now }],
    ['the offer’s terms changed since', { offerRevision: 2 }],
  ])('closes a stale open order (%s) and opens a new one', async (_, change) => {
    const stale = openOrder(change);
    const { sut, orders } = setUp(stale);
    const order = await sut.checkout(buyerId, quote.offerId);
    expect(orders.update).toHaveBeenCalledWith(stale.id, { status: 'CANCELLED', updatedAt: now }, TEST_MANAGER);
    expect(order.id).not.toBe(stale.id);
  });

  it('lands on the first order when two clicks insert at once', async () => {
    const first = openOrder();
    const { sut, orders, provider } = setUp();
    orders.insertWithSplits.mockRejectedValue(new OpenOrderExists());
    orders.openOf.mockResolvedValueOnce(null).mockResolvedValueOnce(first);
    await expect(sut.checkout(buyerId, quote.offerId)).resolves.toBe(first);
    expect(provider.createCheckoutSession).not.toHaveBeenCalled();
  });

  it('reopens the session of an order whose session was never recorded (same key, same session)', async () => {
    const { sut, provider } = setUp(openOrder({ checkoutSessionId: null, checkoutUrl: null }));
    await sut.checkout(buyerId, quote.offerId);
    expect(provider.createCheckoutSession).toHaveBeenCalledWith(expect.anything(), `order:${anOrder().id}`);
  });
});

describe('what cannot be bought', () => {
  it('refuses free offers (they are claimed) before anything is recorded', async () => {
    const { sut, mock, orders } = setUp();
    mock(LicensingFacade).quote.mockResolvedValue({ ...quote, tier: 'FREE', price: money(0, 'EUR') });
    await expect(sut.checkout(buyerId, quote.offerId)).rejects.toMatchObject({ code: 'FREE_OFFER_NOT_SOLD' });
    expect(orders.insertWithSplits).not.toHaveBeenCalled();
  });

  it('refuses a price that is not a positive whole amount', async () => {
    const { sut, mock, orders } = setUp();
    mock(LicensingFacade).quote.mockResolvedValue({ ...quote, price: { amount: 0, currency: 'EUR' } });
    await expect(sut.checkout(buyerId, quote.offerId)).rejects.toMatchObject({ code: 'INVALID_PRICE' });
    expect(orders.insertWithSplits).not.toHaveBeenCalled();
  });

  it('stops a runaway client before it reaches the provider', async () => {
    const { sut, mock, provider } = setUp();
    mock(RateLimiter).consume.mockRejectedValue(new RateLimitedError(30));
    await expect(sut.checkout(buyerId, quote.offerId)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(mock(RateLimiter).consume).toHaveBeenCalledWith(CHECKOUT_RATE_LIMIT, buyerId);
    expect(provider.createCheckoutSession).not.toHaveBeenCalled();
  });

  it('says the provider is unavailable when it does not answer (the order stays, for a retry)', async () => {
    const { sut, orders, provider } = setUp();
    provider.createCheckoutSession.mockRejectedValue(new ProviderUnavailableError('timeout'));
    await expect(sut.checkout(buyerId, quote.offerId)).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
    expect(orders.insertWithSplits).toHaveBeenCalled();
    expect(orders.update).not.toHaveBeenCalled();
  });
});
