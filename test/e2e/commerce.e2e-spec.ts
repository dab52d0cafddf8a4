import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import type { TestUser } from '@lookbook/testing';
import { errorCode, gql, signUpUser } from '@lookbook/testing';
import { eventually } from './support/eventually';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { publishedVersion } from './support/versions';

const CHECKOUT = `mutation($o: UUID!) { checkout(offerId: $o) { checkoutUrl order { id status amount currency checkoutUrl } } }`;
const ORDER = `query($id: UUID!) { order(id: $id) { id status amount refundedAmount licenseId lastPaymentError refunds { amount reason status } } }`;
const REFUND = `mutation($id: UUID!, $a: SafeInt) { refundOrder(orderId: $id, amount: $a) { id amount reason status } }`;
const ONBOARD = `mutation { startPayoutOnboarding { url account { status } } }`;
const ACCOUNT = `query { myPayoutAccount { status payoutsEnabled requirementsDue payoutFailureCode } }`;
const EARNINGS = `query { myEarnings { currency pending available paidOut lifetimeEarnings } }`;
const SALES = `query { mySales { nodes { orderId status price currency platformFeeBps platformFee processorFee refundedAmount
  splits { recipient { handle } role shareBps amount clawedBack transferStatus transferAmount transferId reversedAmount } } } }`;

interface Sale {
  orderId: string;
  status: string;
  price: number;
  platformFee: number;
  processorFee: number | null;
  splits: {
    recipient: { handle: string };
    role: string;
    amount: number;
    clawedBack: number;
    transferStatus: string;
    transferAmount: number | null;
    transferId: string | null;
    reversedAmount: number;
  }[];
}

describe('commerce over HTTP with the local gateway', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let creator: TestUser;
  let buyer: TestUser;

  beforeAll(async () => {
    api = await startTestApi({ listen: true, env: { PLATFORM_FEE_BPS: '1000' } });
    worker = await startTestWorker(api.db.url, {
      env: { LOCAL_GATEWAY_WEBHOOK_URL: `${api.url}/webhooks/stripe`, PLATFORM_FEE_BPS: '1000', DATA_DIR: api.dataDir },
    });
    [creator, buyer] = await Promise.all([signUpUser(api.server), signUpUser(api.server)]);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const as = <T>(user: TestUser | undefined, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(api.server, query, variables, user?.accessToken);
  const data = async <T>(user: TestUser, query: string, variables: Record<string, unknown> = {}) => {
    const result = await as<T>(user, query, variables);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  /** Follows a local-gateway URL of this server (the pages are served by the API under test). */
  const path = (url: string) => new URL(url).pathname + new URL(url).search;

  /** Books must balance after every step: per transaction, per account, and the creator caches. */
  async function assertBooksBalance() {
    expect(
      await api.db.query(
        `SELECT transaction_id FROM ledger.entry GROUP BY transaction_id, currency HAVING sum(amount) <> 0`,
      ),
    ).toEqual([]);
    expect(
      await api.db.query(
        `SELECT a.code FROM ledger.account a LEFT JOIN ledger.entry e ON e.account_id = a.id
          WHERE a.balance IS NOT NULL GROUP BY a.id HAVING a.balance <> coalesce(sum(e.amount), 0)`,
      ),
    ).toEqual([]);
  }

  async function onboard(user: TestUser, bank: 'succeeds' | 'fails' = 'succeeds') {
    const { startPayoutOnboarding } = await data<{
      startPayoutOnboarding: { url: string; account: { status: string } };
    }>(user, ONBOARD);
    expect(startPayoutOnboarding.account.status).toBe('ONBOARDING');
    const page = await request(api.server).get(path(startPayoutOnboarding.url)).expect(200);
    expect(page.text).toContain('Set up payouts');
    const done = await request(api.server)
      .post(`${path(startPayoutOnboarding.url)}/complete?bank=${bank}`)
      .expect(303);
    expect(done.headers['location']).toBe(`${api.url}/earnings`);
    return eventually(
      async () => {
        const { myPayoutAccount } = await data<{ myPayoutAccount: { status: string } }>(user, ACCOUNT);
        return myPayoutAccount.status === 'ACTIVE' ? myPayoutAccount : undefined;
      },
      { what: 'account.updated processed' },
    );
  }

  async function buy(user: TestUser, offerId: string, card = 'succeeds') {
    const { checkout } = await data<{ checkout: { checkoutUrl: string; order: { id: string } } }>(user, CHECKOUT, {
      o: offerId,
    });
    await request(api.server)
      .post(`${path(checkout.checkoutUrl)}/confirm?card=${card}`)
      .expect(303);
    return checkout.order.id;
  }

  const orderOf = async (user: TestUser, id: string) =>
    (await data<{ order: { status: string; licenseId: string | null; refundedAmount: number } }>(user, ORDER, { id }))
      .order;

  it('runs the whole journey: onboard, buy, fulfil once, download, earn, refund', async () => {
    const look = await publishedVersion(api, creator); // PERSONAL 500 EUR-cents, COMMERCIAL 4900
    expect((await data<{ myPayoutAccount: { status: string } }>(creator, ACCOUNT)).myPayoutAccount.status).toBe(
      'NOT_STARTED',
    );
    await onboard(creator);

    // Checkout: a double click lands on the same order and the same hosted page.
    const offerId = look.offers['COMMERCIAL']!.id;
    const [first, second] = await Promise.all([
      data<{ checkout: { checkoutUrl: string; order: { id: string; status: string; amount: number } } }>(
        buyer,
        CHECKOUT,
        { o: offerId },
      ),
      data<{ checkout: { checkoutUrl: string; order: { id: string } } }>(buyer, CHECKOUT, { o: offerId }),
    ]);
    expect(second.checkout.order.id).toBe(first.checkout.order.id);
    expect(second.checkout.checkoutUrl).toBe(first.checkout.checkoutUrl);
    expect(first.checkout.order).toMatchObject({ status: 'PENDING', amount: 4900 });
    const orderId = first.checkout.order.id;
    const page = await request(api.server).get(path(first.checkout.checkoutUrl)).expect(200);
    expect(page.text).toContain('€49.00');

    // A declined card leaves the order open with the reason; a good card pays.
    await request(api.server)
      .post(`${path(first.checkout.checkoutUrl)}/confirm?card=declined`)
      .expect(303);
    await eventually(
      async () => {
        const { order } = await data<{ order: { lastPaymentError: string | null } }>(buyer, ORDER, { id: orderId });
        return order.lastPaymentError ?? undefined;
      },
      { what: 'payment_intent.payment_failed processed' },
    );
    const paid = await request(api.server)
      .post(`${path(first.checkout.checkoutUrl)}/confirm?card=succeeds`)
      .expect(303);
    expect(paid.headers['location']).toBe(`${api.url}/orders/${orderId}?checkout=success`);

    const order = await eventually(
      async () => {
        const found = await orderOf(buyer, orderId);
        return found.status === 'PAID' ? found : undefined;
      },
      { what: 'order fulfilled' },
    );
    expect(order.licenseId).toBeTruthy();

    // Exactly once: one grant, one sale posting, one completed event processed.
    expect(
      await api.db.query(`SELECT id FROM licensing.grant WHERE order_ref = $1`, [`order:${orderId}`]),
    ).toHaveLength(1);
    expect(
      await api.db.query(`SELECT id FROM ledger.transaction WHERE external_ref = $1`, [`order:${orderId}:paid`]),
    ).toHaveLength(1);

    // The buyer holds the licence and downloads the bytes.
    const download = await request(api.server)
      .get(`/api/v1/model-files/${look.fileId}/download`)
      .set('authorization', `Bearer ${buyer.accessToken}`);
    expect(download.status).toBe(302);

    // The creator sees the split and the transfer: 4900 − 10 % fee = 4410, sent to the connected account.
    const sale = await eventually(
      async () => {
        const { mySales } = await data<{ mySales: { nodes: Sale[] } }>(creator, SALES);
        const found = mySales.nodes.find((s) => s.orderId === orderId);
        return found?.splits[0]?.transferStatus === 'SENT' ? found : undefined;
      },
      { what: 'transfer sent' },
    );
    expect(sale).toMatchObject({ price: 4900, platformFee: 490, processorFee: Math.round(4900 * 0.029) + 30 });
    expect(sale.splits).toEqual([
      expect.objectContaining({
        recipient: { handle: creator.handle },
        role: 'SELLER',
        amount: 4410,
        transferAmount: 4410,
        transferId: expect.stringMatching(/^tr_/),
        reversedAmount: 0,
      }),
    ]);
    const transfer = await api.db.query<{ body: Record<string, unknown> }>(
      `SELECT body FROM local_gateway.object WHERE id = $1`,
      [sale.splits[0]!.transferId],
    );
    expect(transfer[0]!.body).toMatchObject({ amount: 4410, currency: 'eur', transfer_group: `order:${orderId}` });
    expect((await data<{ myEarnings: object[] }>(creator, EARNINGS)).myEarnings).toEqual([
      { currency: 'EUR', pending: 0, available: 4410, paidOut: 0, lifetimeEarnings: 4410 },
    ]);
    await assertBooksBalance();

    // Refund (the buyer, in full, within the window): transfer reversed, licence revoked, books balanced.
    const refunded = await data<{ refundOrder: { amount: number; reason: string; status: string } }>(buyer, REFUND, {
      id: orderId,
    });
    expect(refunded.refundOrder).toMatchObject({ amount: 4900, reason: 'REQUESTED_BY_BUYER', status: 'PENDING' });
    await eventually(
      async () => {
        const { order: current } = await data<{ order: { refunds: { status: string }[] } }>(buyer, ORDER, {
          id: orderId,
        });
        return current.refunds[0]?.status === 'SUCCEEDED' ? true : undefined;
      },
      { what: 'refund sent to the provider' },
    );
    const reversed = await eventually(
      async () => {
        const { mySales } = await data<{ mySales: { nodes: Sale[] } }>(creator, SALES);
        const found = mySales.nodes.find((s) => s.orderId === orderId);
        return found?.splits[0]?.reversedAmount === 4410 ? found : undefined;
      },
      { what: 'transfer reversed' },
    );
    expect(reversed).toMatchObject({ status: 'REFUNDED', refundedAmount: 4900 });
    const licence = await request(api.server).get(`/api/v1/licenses/${order.licenseId}/verify`).expect(200);
    expect(licence.body).toMatchObject({ valid: true, status: 'REVOKED', revocationReason: 'REFUNDED' });
    const denied = await request(api.server)
      .get(`/api/v1/model-files/${look.fileId}/download`)
      .set('authorization', `Bearer ${buyer.accessToken}`);
    expect(denied.body.error.code).toBe('LICENSE_REQUIRED');
    expect((await data<{ myEarnings: object[] }>(creator, EARNINGS)).myEarnings).toEqual([
      { currency: 'EUR', pending: 0, available: 0, paidOut: 0, lifetimeEarnings: 0 },
    ]);
    await assertBooksBalance();
    // The provider's books agree: the charge is refunded, the transfer fully reversed.
    const [charge] = await api.db.query<{ body: { amount_refunded: number } }>(
      `SELECT body FROM local_gateway.object WHERE type = 'charge' AND body->>'transfer_group' = $1`,
      [`order:${orderId}`],
    );
    expect(charge!.body.amount_refunded).toBe(4900);
    // Refunding again changes nothing.
    expect(errorCode(await as(buyer, REFUND, { id: orderId }))).toBe('NOTHING_TO_REFUND');
  });

  it('refuses bad purchases and refunds with typed errors, changing nothing', async () => {
    const look = await publishedVersion(api, creator);
    const before = await api.db.query(`SELECT count(*)::int AS n FROM commerce."order"`);
    expect(errorCode(await as(creator, CHECKOUT, { o: look.offers['PERSONAL']!.id }))).toBe('CANNOT_LICENSE_OWN_WORK');
    expect(errorCode(await as(buyer, CHECKOUT, { o: '0190a5b0-0000-7000-8000-000000000000' }))).toBe('OFFER_NOT_FOUND');
    expect(errorCode(await as(buyer, CHECKOUT, { o: 'not-an-id' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await as(undefined, CHECKOUT, { o: look.offers['PERSONAL']!.id }))).toBe('UNAUTHENTICATED');
    expect(await api.db.query(`SELECT count(*)::int AS n FROM commerce."order"`)).toEqual(before);

    // Refund before the payment is confirmed: nothing to refund yet.
    const { checkout } = await data<{ checkout: { order: { id: string } } }>(buyer, CHECKOUT, {
      o: look.offers['PERSONAL']!.id,
    });
    expect(errorCode(await as(buyer, REFUND, { id: checkout.order.id }))).toBe('ORDER_NOT_PAID');
    // The seller may look at the order, but the buyer's payment page and payment errors are the buyer's alone.
    const VIEW = `query($id: UUID!) { order(id: $id) { status checkoutUrl seller { handle } } }`;
    expect((await data<{ order: object }>(buyer, VIEW, { id: checkout.order.id })).order).toEqual({
      status: 'PENDING',
      checkoutUrl: expect.stringContaining('/local-gateway/checkout/'),
      seller: { handle: creator.handle },
    });
    expect((await data<{ order: object }>(creator, VIEW, { id: checkout.order.id })).order).toMatchObject({
      status: 'PENDING',
      checkoutUrl: null,
    });
    // Other people's orders do not exist for them.
    const stranger = await signUpUser(api.server);
    expect(errorCode(await as(stranger, ORDER, { id: checkout.order.id }))).toBe('ORDER_NOT_FOUND');
    expect(errorCode(await as(stranger, REFUND, { id: checkout.order.id }))).toBe('ORDER_NOT_FOUND');
    expect(await api.db.query(`SELECT id FROM commerce.refund WHERE order_id = $1`, [checkout.order.id])).toEqual([]);
    for (const id of ['not-an-id', '', "1' OR '1'='1"]) {
      expect(errorCode(await as(buyer, ORDER, { id }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await as(buyer, REFUND, { id }))).toBe('BAD_USER_INPUT');
    }
    // Onboarding only ever returns to this site: no open redirect through the provider's return URL.
    const accounts = async () => (await api.db.query(`SELECT creator_id FROM commerce.connected_account`)).length;
    const accountsBefore = await accounts();
    for (const returnPath of [
      '//evil.example/x',
      'https://evil.example/x',
      '/earnings\n',
      'earnings',
      '/\\evil.example',
    ]) {
      const result = await as(stranger, `mutation($p: String) { startPayoutOnboarding(returnPath: $p) { url } }`, {
        p: returnPath,
      });
      expect({ returnPath, code: errorCode(result) }).toEqual({ returnPath, code: 'INVALID_RETURN_PATH' });
    }
    expect(await accounts()).toBe(accountsBefore);
  });

  it('limits how many checkouts one buyer opens (60 per 10 minutes)', async () => {
    const look = await publishedVersion(api, creator);
    const eager = await signUpUser(api.server);
    const results = [];
    for (let i = 0; i < 61; i += 1) results.push(await as(eager, CHECKOUT, { o: look.offers['PERSONAL']!.id }));
    expect(results.slice(0, 60).every((r) => !r.errors)).toBe(true);
    expect(errorCode(results[60]!)).toBe('RATE_LIMITED');
    expect(await api.db.query(`SELECT id FROM commerce."order" WHERE buyer_id = $1`, [eager.id])).toHaveLength(1); // and the sixty clicks were one order
  });

  it('lets the seller refund part of a sale, pro rata, and keeps the licence', async () => {
    const look = await publishedVersion(api, creator);
    const orderId = await buy(buyer, look.offers['COMMERCIAL']!.id);
    await eventually(async () => ((await orderOf(buyer, orderId)).status === 'PAID' ? true : undefined));
    for (const amount of [0, -5, 4901]) {
      expect(errorCode(await as(creator, REFUND, { id: orderId, a: amount }))).toBe('INVALID_REFUND_AMOUNT');
    }
    for (const amount of [1.5, 2 ** 53, '100']) {
      expect(errorCode(await as(creator, REFUND, { id: orderId, a: amount }))).toBe('BAD_USER_INPUT');
    }
    expect(errorCode(await as(buyer, REFUND, { id: orderId, a: 100 }))).toBe('BUYER_REFUNDS_ARE_FULL');
    const { refundOrder } = await data<{ refundOrder: { reason: string } }>(creator, REFUND, { id: orderId, a: 1000 });
    expect(refundOrder.reason).toBe('ISSUED_BY_CREATOR');
    // Reserved at once (a second refund cannot exceed what is left); applied when the provider has refunded.
    expect(await orderOf(buyer, orderId)).toMatchObject({ refundedAmount: 1000 });
    expect(errorCode(await as(creator, REFUND, { id: orderId, a: 3901 }))).toBe('INVALID_REFUND_AMOUNT');
    const current = await eventually(
      async () => {
        const found = await orderOf(buyer, orderId);
        return found.status === 'PARTIALLY_REFUNDED' ? found : undefined;
      },
      { what: 'refund applied' },
    );
    expect(current).toMatchObject({ refundedAmount: 1000 });
    const licence = await request(api.server).get(`/api/v1/licenses/${current.licenseId}/verify`).expect(200);
    expect(licence.body.status).toBe('ACTIVE');
    // 1000 back: the platform's 10 % part (100) and the creator's 900.
    const [split] = await api.db.query<{ clawed_back: string }>(
      `SELECT clawed_back FROM commerce.order_split WHERE order_id = $1`,
      [orderId],
    );
    expect(Number(split!.clawed_back)).toBe(900);
    await eventually(
      async () => {
        const [reversal] = await api.db.query<{ status: string; recovered: string }>(
          `SELECT status, recovered FROM commerce.reversal WHERE order_id = $1`,
          [orderId],
        );
        return reversal?.status === 'REVERSED' ? reversal : undefined;
      },
      { what: 'partial reversal' },
    );
    await assertBooksBalance();
  });
});
