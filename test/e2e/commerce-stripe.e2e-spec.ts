import request from 'supertest';
import { signWebhook } from '@lookbook/commerce';
import { ProcessEventJob, TransferService } from '@lookbook/commerce/testing';
import type { TestUser } from '@lookbook/testing';
import { gql, signUpUser, StripeStub } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { publishedVersion } from './support/versions';

const PLATFORM_SECRET = 'whsec_platform0123456789';
const CONNECT_SECRET = 'whsec_connect0123456789';

/**
 * The application wired for production payments (PAYMENTS_PROVIDER=stripe) against a local stub that plays Stripe's
 * API: what the real code sends to Stripe on checkout, onboarding and transfers, and which webhook signatures the
 * route accepts. Events are delivered and processed step by step (no worker runs the payment jobs).
 */
describe('commerce wired to Stripe (stubbed at the HTTP boundary)', () => {
  const stub = new StripeStub();
  let api: TestApi;
  let creator: TestUser;
  let buyer: TestUser;
  let look: Awaited<ReturnType<typeof publishedVersion>>;

  beforeAll(async () => {
    const port = await stub.start();
    const env = {
      PAYMENTS_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_lookbook',
      STRIPE_WEBHOOK_SECRET: PLATFORM_SECRET,
      STRIPE_CONNECT_WEBHOOK_SECRET: CONNECT_SECRET,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(port),
      STRIPE_API_PROTOCOL: 'http',
      PLATFORM_FEE_BPS: '1000',
    };
    api = await startTestApi({ env });
    const ingest = await startTestWorker(api.db.url, { env: { ...env, DATA_DIR: api.dataDir } });
    [creator, buyer] = await Promise.all([signUpUser(api.server), signUpUser(api.server)]);
    look = await publishedVersion(api, creator);
    await ingest.close();
  });
  afterAll(async () => {
    await api.close();
    await stub.stop();
  });

  const as = async <T>(user: TestUser, query: string, variables: Record<string, unknown> = {}) => {
    const result = await gql<T>(api.server, query, variables, user.accessToken);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const deliver = (event: object, secret: string) => {
    const payload = JSON.stringify(event);
    return request(api.server)
      .post('/webhooks/stripe')
      .set('content-type', 'application/json')
      .set('stripe-signature', signWebhook(payload, secret))
      .send(payload);
  };
  const processEvent = (eventId: string) => api.app.get(ProcessEventJob).handle({ eventId });
  const event = (id: string, type: string, object: object, account?: string) => ({
    id,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    ...(account ? { account } : {}),
  });

  it('onboards, checks out, fulfils from Stripe’s record and transfers with the right request', async () => {
    // The hosted pages of the local gateway do not exist in this mode.
    await request(api.server).get('/local-gateway/checkout/cs_anything').expect(404);

    // Onboarding: an Express account (key connect:<creator>) and an account link.
    const { startPayoutOnboarding } = await as<{ startPayoutOnboarding: { url: string } }>(
      creator,
      `mutation { startPayoutOnboarding { url } }`,
    );
    expect(startPayoutOnboarding.url).toMatch(/^https:\/\/connect\.stripe\.com\//);
    const [createAccount, createLink] = stub.requests;
    expect([createAccount!.path, createAccount!.idempotencyKey, createAccount!.form['type']]).toEqual([
      '/v1/accounts',
      `connect:${creator.id}`,
      'express',
    ]);
    expect(createLink!.form).toMatchObject({
      type: 'account_onboarding',
      return_url: expect.stringMatching(/\/earnings$/),
    });
    const accountId = createLink!.form['account']!;
    // Stripe finishes onboarding and tells us through the Connect endpoint.
    const updated = {
      ...stub.accounts.get(accountId)!,
      payouts_enabled: true,
      charges_enabled: true,
      details_submitted: true,
      requirements: { currently_due: [], past_due: [] },
    };
    expect((await deliver(event('evt_acct_1', 'account.updated', updated, accountId), CONNECT_SECRET)).status).toBe(
      200,
    );
    await processEvent('evt_acct_1');
    expect(
      (await as<{ myPayoutAccount: { status: string } }>(creator, `query { myPayoutAccount { status } }`))
        .myPayoutAccount.status,
    ).toBe('ACTIVE');

    // Checkout: a Stripe Checkout Session with the order's key, amount, currency and transfer group.
    stub.reset();
    const { checkout } = await as<{ checkout: { checkoutUrl: string; order: { id: string } } }>(
      buyer,
      `mutation($o: UUID!) { checkout(offerId: $o) { checkoutUrl order { id } } }`,
      { o: look.offers['PERSONAL']!.id },
    );
    const orderId = checkout.order.id;
    expect(checkout.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_stub/);
    const [createSession] = stub.requests;
    expect(createSession!.idempotencyKey).toBe(`order:${orderId}`);
    expect(createSession!.form).toMatchObject({
      client_reference_id: orderId,
      'line_items[0][price_data][unit_amount]': '500',
      'line_items[0][price_data][currency]': 'eur',
      'payment_intent_data[transfer_group]': `order:${orderId}`,
    });
    const sessionId = checkout.checkoutUrl.split('/').pop()!;

    // A completion signed with another endpoint's secret is refused; a validly signed one still cannot fulfil an
    // unpaid session: the processor asks Stripe, and Stripe says unpaid.
    const completed = event('evt_cs_1', 'checkout.session.completed', {
      id: sessionId,
      object: 'checkout.session',
    });
    expect((await deliver(completed, 'whsec_someone_else_0123')).status).toBe(400);
    expect((await deliver(completed, PLATFORM_SECRET)).status).toBe(200);
    await processEvent('evt_cs_1');
    const orderStatus = async () =>
      (await api.db.query<{ status: string }>(`SELECT status FROM commerce."order" WHERE id = $1`, [orderId]))[0]!
        .status;
    expect(await orderStatus()).toBe('PENDING');

    // Stripe's hosted checkout takes the payment; the (re-sent) completion now fulfils.
    const { charge } = stub.pay(sessionId, 45);
    expect((await deliver({ ...completed, id: 'evt_cs_2' }, PLATFORM_SECRET)).status).toBe(200);
    await processEvent('evt_cs_2');
    expect(await orderStatus()).toBe('PAID');

    // The transfer: 500 − 10 % = 450 to the creator's account, from the charge, in the order's group, with its key.
    stub.reset();
    expect(await api.app.get(TransferService).run(orderId, creator.id)).toMatch(/^sent 450 as tr_stub/);
    const [transfer] = stub.requests;
    expect([transfer!.method, transfer!.path, transfer!.idempotencyKey]).toEqual([
      'POST',
      '/v1/transfers',
      `order:${orderId}:split:${creator.id}`,
    ]);
    expect(transfer!.form).toEqual({
      amount: '450',
      currency: 'eur',
      destination: accountId,
      transfer_group: `order:${orderId}`,
      source_transaction: charge,
      'metadata[order_id]': orderId,
      'metadata[line]': '1',
      'metadata[recipient_id]': creator.id,
    });
    expect(transfer!.authorization).toBe('Bearer sk_test_lookbook');
  });

  it('answers a typed error when Stripe is down at checkout; the retry reuses the order and its key', async () => {
    const other = await signUpUser(api.server);
    stub.reset();
    stub.faults = [{ path: /^\/v1\/checkout\/sessions$/, kind: 'http500', remaining: 1 }];
    const CHECKOUT = `mutation($o: UUID!) { checkout(offerId: $o) { checkoutUrl order { id } } }`;
    const failed = await gql(api.server, CHECKOUT, { o: look.offers['PERSONAL']!.id }, other.accessToken);
    expect(failed.errors?.[0]?.extensions?.['code']).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    const { checkout } = await as<{ checkout: { checkoutUrl: string; order: { id: string } } }>(other, CHECKOUT, {
      o: look.offers['PERSONAL']!.id,
    });
    expect(stub.requests.map((r) => r.idempotencyKey)).toEqual([
      `order:${checkout.order.id}`,
      `order:${checkout.order.id}`,
    ]);
    expect(await api.db.query(`SELECT id FROM commerce."order" WHERE buyer_id = $1`, [other.id])).toHaveLength(1);
  });
});
