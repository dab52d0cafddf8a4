import { referenceAvailable, STRIPE_FIXTURES, StripeStub } from '@lookbook/testing';
import { ProviderRejectedError, ProviderUnavailableError } from '../payment-provider';
import { StripeProvider } from './stripe-provider';

/**
 * The Stripe adapter against a local HTTP stub that plays Stripe (`StripeStub`): it answers with Stripe's own example
 * objects (the reference fixtures, when present beside the checkout) and records every request, so these tests assert
 * exactly what we send — paths, amounts, currencies, destinations, transfer groups, source transactions, idempotency
 * keys — and how we behave when Stripe fails or times out.
 */
describe('Stripe adapter at the HTTP boundary (local stub with Stripe’s object shapes)', () => {
  const stub = new StripeStub();
  let stripe: StripeProvider;
  let accountId: string;
  let sessionId: string;

  beforeAll(async () => {
    const port = await stub.start();
    stripe = new StripeProvider({
      secretKey: 'sk_test_stub',
      host: '127.0.0.1',
      port,
      protocol: 'http',
      timeoutMs: 500,
    });
  });
  afterAll(() => stub.stop());
  beforeEach(() => stub.reset());

  it('creates Express accounts and onboarding links', async () => {
    const account = await stripe.createConnectedAccount({ creatorId: 'c1' }, 'connect:c1');
    accountId = account.id;
    expect(accountId).toMatch(/^acct_stub/);
    expect(account).toEqual({
      id: accountId,
      chargesEnabled: false,
      payoutsEnabled: false,
      detailsSubmitted: false,
      requirementsDue: expect.any(Array),
    });
    const url = await stripe.createOnboardingLink(accountId, {
      refreshUrl: 'https://l.test/r',
      returnUrl: 'https://l.test/b',
    });
    expect(url).toMatch(/^https:\/\/connect\.stripe\.com\//);
    expect(stub.requests.map((r) => [r.method, r.path, r.idempotencyKey])).toEqual([
      ['POST', '/v1/accounts', 'connect:c1'],
      ['POST', '/v1/account_links', expect.any(String)], // links are not money: the SDK's own key
    ]);
    expect(stub.requests[0]!.form).toMatchObject({
      type: 'express',
      'capabilities[transfers][requested]': 'true',
      'metadata[creator_id]': 'c1',
    });
    expect(stub.requests[1]!.form).toEqual({
      account: accountId,
      refresh_url: 'https://l.test/r',
      return_url: 'https://l.test/b',
      type: 'account_onboarding',
    });
    expect(stub.requests[0]!.authorization).toBe('Bearer sk_test_stub');
  });

  it('opens a Checkout Session for the order, in minor units, with the order’s transfer group and key', async () => {
    const expiresAt = new Date('2030-01-01T00:00:00Z');
    const session = await stripe.createCheckoutSession(
      {
        orderId: 'o1',
        amount: 4900,
        currency: 'EUR',
        lines: [{ name: 'Look — v1 (commercial licence)', amount: 4900 }],
        transferGroup: 'order:o1',
        successUrl: 'https://l.test/s',
        cancelUrl: 'https://l.test/c',
        expiresAt,
      },
      'order:o1',
    );
    sessionId = session.id;
    expect(session).toMatchObject({
      url: `https://checkout.stripe.com/c/pay/${session.id}`,
      orderId: 'o1',
      amount: 4900,
      currency: 'EUR',
      paymentStatus: 'unpaid',
    });
    const [sent] = stub.requests;
    expect([sent!.method, sent!.path, sent!.idempotencyKey]).toEqual(['POST', '/v1/checkout/sessions', 'order:o1']);
    expect(sent!.form).toEqual({
      mode: 'payment',
      client_reference_id: 'o1',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][unit_amount]': '4900',
      'line_items[0][price_data][product_data][name]': 'Look — v1 (commercial licence)',
      'payment_intent_data[transfer_group]': 'order:o1',
      'payment_intent_data[metadata][order_id]': 'o1',
      'metadata[order_id]': 'o1',
      success_url: 'https://l.test/s',
      cancel_url: 'https://l.test/c',
      expires_at: String(expiresAt.getTime() / 1000),
    });
  });

  it('opens one Checkout Session for an order of several licences: a line item each, charged once for their sum', async () => {
    const expiresAt = new Date('2030-01-01T00:00:00Z');
    const session = await stripe.createCheckoutSession(
      {
        orderId: 'o3',
        amount: 500 + 1200 + 1,
        currency: 'JPY',
        lines: [
          { name: 'Ink Wash — v1 (personal licence)', amount: 500 },
          { name: 'Portrait flow — v2 (commercial licence)', amount: 1200 },
          { name: 'Tiny LoRA — v9 (personal licence)', amount: 1 },
        ],
        transferGroup: 'order:o3',
        successUrl: 'https://l.test/s',
        cancelUrl: 'https://l.test/c',
        expiresAt,
      },
      'order:o3',
    );
    // Stripe charges the sum of the line items: the session's total is the order's.
    expect(session).toMatchObject({ orderId: 'o3', amount: 1701, currency: 'JPY' });
    const [sent] = stub.requests;
    expect([sent!.path, sent!.idempotencyKey]).toEqual(['/v1/checkout/sessions', 'order:o3']);
    const items = Object.fromEntries(Object.entries(sent!.form).filter(([k]) => k.startsWith('line_items')));
    expect(items).toEqual({
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'jpy',
      'line_items[0][price_data][unit_amount]': '500', // yen: no minor unit, sent as is
      'line_items[0][price_data][product_data][name]': 'Ink Wash — v1 (personal licence)',
      'line_items[1][quantity]': '1',
      'line_items[1][price_data][currency]': 'jpy',
      'line_items[1][price_data][unit_amount]': '1200',
      'line_items[1][price_data][product_data][name]': 'Portrait flow — v2 (commercial licence)',
      'line_items[2][quantity]': '1',
      'line_items[2][price_data][currency]': 'jpy',
      'line_items[2][price_data][unit_amount]': '1',
      'line_items[2][price_data][product_data][name]': 'Tiny LoRA — v9 (personal licence)',
    });
    // One payment: one transfer group and one order reference for all the lines.
    expect(sent!.form).toMatchObject({
      'payment_intent_data[transfer_group]': 'order:o3',
      'metadata[order_id]': 'o3',
      client_reference_id: 'o3',
    });
  });

  it('sends a KWD order’s line items in fils (three decimals), summing to the total', async () => {
    await stripe.createCheckoutSession(
      {
        orderId: 'o4',
        amount: 12_345 + 5,
        currency: 'KWD',
        lines: [
          { name: 'A', amount: 12_345 },
          { name: 'B', amount: 5 },
        ],
        transferGroup: 'order:o4',
        successUrl: 'https://l.test/s',
        cancelUrl: 'https://l.test/c',
        expiresAt: new Date('2030-01-01T00:00:00Z'),
      },
      'order:o4',
    );
    const form = stub.requests[0]!.form;
    expect([form['line_items[0][price_data][unit_amount]'], form['line_items[1][price_data][unit_amount]']]).toEqual([
      '12345',
      '5',
    ]);
    expect(form['line_items[1][price_data][currency]']).toBe('kwd');
  });

  it('reads a paid session with its charge and processing fee expanded', async () => {
    const { paymentIntent, charge } = stub.pay(sessionId, 172);
    const state = await stripe.retrieveCheckoutSession(sessionId);
    expect(state).toMatchObject({
      status: 'complete',
      paymentStatus: 'paid',
      orderId: 'o1',
      paymentIntentId: paymentIntent,
      chargeId: charge,
      processorFee: 172,
      amount: 4900,
      currency: 'EUR',
    });
    expect(stub.requests[0]!.path).toBe(
      `/v1/checkout/sessions/${sessionId}?expand[0]=payment_intent.latest_charge.balance_transaction`,
    );
  });

  it('transfers a split with destination, group, source transaction and the split’s key', async () => {
    const transfer = await stripe.createTransfer(
      {
        amount: 4410,
        currency: 'EUR',
        destination: accountId,
        transferGroup: 'order:o1',
        sourceTransaction: 'ch_stub1',
        metadata: { order_id: 'o1', recipient_id: 'c1' },
      },
      'order:o1:split:c1',
    );
    expect(transfer.id).toMatch(/^tr_stub/);
    const [sent] = stub.requests;
    expect([sent!.method, sent!.path, sent!.idempotencyKey]).toEqual(['POST', '/v1/transfers', 'order:o1:split:c1']);
    expect(sent!.form).toEqual({
      amount: '4410',
      currency: 'eur',
      destination: accountId,
      transfer_group: 'order:o1',
      source_transaction: 'ch_stub1',
      'metadata[order_id]': 'o1',
      'metadata[recipient_id]': 'c1',
    });
  });

  it('retries a 5xx with the same key: exactly one transfer', async () => {
    stub.faults = [{ path: /^\/v1\/transfers$/, kind: 'http500', remaining: 1 }];
    const input = {
      amount: 100,
      currency: 'EUR',
      destination: accountId,
      transferGroup: 'order:o2',
      sourceTransaction: 'ch_stub1',
      metadata: {},
    };
    await expect(stripe.createTransfer(input, 'order:o2:split:c1')).rejects.toBeInstanceOf(ProviderUnavailableError);
    const { id } = await stripe.createTransfer(input, 'order:o2:split:c1');
    expect(stub.requests.map((r) => r.idempotencyKey)).toEqual(['order:o2:split:c1', 'order:o2:split:c1']);
    expect(stub.created.filter((c) => c['id'] === id)).toHaveLength(1);
    expect(stub.created).toHaveLength(1);
  });

  it('retries a timeout (Stripe did the work, the answer was lost) with the same key: exactly one transfer', async () => {
    stub.faults = [{ path: /^\/v1\/transfers$/, kind: 'slow-after-effect', remaining: 1 }];
    const input = {
      amount: 200,
      currency: 'EUR',
      destination: accountId,
      transferGroup: 'order:o3',
      sourceTransaction: 'ch_stub1',
      metadata: {},
    };
    await expect(stripe.createTransfer(input, 'order:o3:split:c1')).rejects.toBeInstanceOf(ProviderUnavailableError);
    const first = stub.created[0]!;
    const { id } = await stripe.createTransfer(input, 'order:o3:split:c1');
    expect(id).toBe(first['id']);
    expect(stub.created).toHaveLength(1);
  });

  it('reverses transfers and refunds with their keys; a refusal is final, not retried', async () => {
    await stripe.reverseTransfer('tr_stub1', 4410, 'refund:r1:reverse:c1');
    await stripe.createRefund({ paymentIntentId: 'pi_stub1', amount: 4900, metadata: { order_id: 'o1' } }, 'refund:r1');
    expect(stub.requests.map((r) => [r.path, r.idempotencyKey, r.form])).toEqual([
      ['/v1/transfers/tr_stub1/reversals', 'refund:r1:reverse:c1', { amount: '4410' }],
      ['/v1/refunds', 'refund:r1', { payment_intent: 'pi_stub1', amount: '4900', 'metadata[order_id]': 'o1' }],
    ]);
    const refused = stripe.createRefund({ paymentIntentId: 'pi_stub1', amount: 100_001, metadata: {} }, 'refund:r2');
    await expect(refused).rejects.toBeInstanceOf(ProviderRejectedError);
    await expect(refused).rejects.toMatchObject({ code: 'amount_too_large' });
  });

  (referenceAvailable('stripe') ? it : it.skip)(
    // skipped only when ../shared/reference/stripe is absent
    'parses Stripe’s own example objects (reference fixtures) through the same mappers',
    async () => {
      expect(STRIPE_FIXTURES['transfer']).toMatchObject({ object: 'transfer' });
      stub.accounts.set(accountId, { ...STRIPE_FIXTURES['account'], id: accountId }); // Stripe's example, verbatim
      const account = await stripe.retrieveAccount(accountId);
      expect(account).toEqual({
        id: accountId,
        chargesEnabled: STRIPE_FIXTURES['account']!['charges_enabled'],
        payoutsEnabled: STRIPE_FIXTURES['account']!['payouts_enabled'],
        detailsSubmitted: STRIPE_FIXTURES['account']!['details_submitted'],
        requirementsDue: expect.any(Array),
      });
      expect(Object.keys(STRIPE_FIXTURES['checkout.session']!)).toEqual(
        expect.arrayContaining(['client_reference_id', 'payment_intent', 'payment_status', 'amount_total']),
      );
    },
  );
});
