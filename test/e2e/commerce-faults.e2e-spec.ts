import request from 'supertest';
import type { TestUser } from '@lookbook/testing';
import { errorCode, gql, OFFERS, signUpUser } from '@lookbook/testing';
import { PaymentsDriver } from './support/payments';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { publishedVersion } from './support/versions';
import { world } from './support/world';

const EARNINGS = `query { myEarnings { currency pending available paidOut lifetimeEarnings } }`;
const ACCOUNT = `query { myPayoutAccount { status payoutFailureCode } }`;
const ORDER = `query($id: UUID!) { order(id: $id) { status refundedAmount licenseId refunds { amount reason status } } }`;

/**
 * Money under bad input and faults: the test plays the provider's deliveries and the worker's jobs step by step
 * (a worker only ingests the uploads during setup), so every ordering is chosen, not hoped for.
 */
describe('commerce faults: webhooks, ordering, disputes, payouts', () => {
  let api: TestApi;
  let pay: PaymentsDriver;
  let creator: TestUser;
  let buyers: TestUser[];
  let look: Awaited<ReturnType<typeof publishedVersion>>;
  let lateCreator: TestUser;
  let lateLook: Awaited<ReturnType<typeof publishedVersion>>;
  let exclusiveSeller: TestUser;
  let exclusive: Awaited<ReturnType<typeof publishedVersion>>;

  beforeAll(async () => {
    api = await startTestApi({ env: { PLATFORM_FEE_BPS: '1000' } });
    // A worker only to ingest the uploads; it stops before any payment so the driver alone runs the money jobs.
    const ingest = await startTestWorker(api.db.url);
    pay = new PaymentsDriver(api);
    const users = await Promise.all(Array.from({ length: 8 }, () => signUpUser(api.server)));
    [creator, lateCreator, exclusiveSeller] = [users[0]!, users[1]!, users[2]!];
    buyers = users.slice(3);
    look = await publishedVersion(api, creator);
    lateLook = await publishedVersion(api, lateCreator);
    exclusive = await publishedVersion(api, exclusiveSeller, { offers: [OFFERS.personal, OFFERS.exclusive] });
    await ingest.close();
  });
  afterAll(() => api.close());

  const as = async <T>(user: TestUser, query: string, variables: Record<string, unknown> = {}) => {
    const result = await gql<T>(api.server, query, variables, user.accessToken);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const inboxCount = async () =>
    (await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM commerce.webhook_event`))[0]!.n;

  describe('the webhook route', () => {
    const event = {
      id: 'evt_test_bad_input',
      object: 'event',
      type: 'checkout.session.completed',
      data: { object: { id: 'cs_x' } },
    };

    it('refuses forged, wrongly signed, replayed and unsigned deliveries, storing nothing', async () => {
      const before = await inboxCount();
      const expectRefused = async (response: request.Response) => {
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
      };
      // Body changed after signing (amount tampered).
      await expectRefused(await pay.post(event, { body: JSON.stringify({ ...event, type: 'charge.refunded' }) }));
      // Signed with another endpoint's secret.
      await expectRefused(await pay.post(event, { secret: 'whsec_not_ours_0123456789abcdef' }));
      // A genuine signature, replayed after the 300 s tolerance.
      await expectRefused(await pay.post(event, { timestamp: Math.floor(Date.now() / 1000) - 301 }));
      // No signature at all, and a header that is not a signature.
      await expectRefused(
        await request(api.server).post('/webhooks/stripe').set('content-type', 'application/json').send(event),
      );
      await expectRefused(
        await request(api.server)
          .post('/webhooks/stripe')
          .set('content-type', 'application/json')
          .set('stripe-signature', 'garbage')
          .send(event),
      );
      expect(await inboxCount()).toBe(before);
      // Inside the tolerance it is accepted.
      expect((await pay.post(event, { timestamp: Math.floor(Date.now() / 1000) - 290 })).status).toBe(200);
      expect(await inboxCount()).toBe(before + 1);
    });

    it('stores a genuine event whose text PostgreSQL cannot hold (NUL, lone surrogates) instead of failing it forever', async () => {
      const hostile = {
        id: `evt_nul_${Date.now()}`,
        object: 'event',
        type: 'customer.created',
        created: Math.floor(Date.now() / 1000),
        data: { object: { id: 'cus_1', object: 'customer', name: 'Zo\u0000ë \ud800', metadata: { 'k\u0000': 'v' } } },
      };
      const response = await pay.post(hostile);
      expect(response.status).toBe(200);
      const [stored] = await api.db.query<{ payload: { data: { object: { name: string; metadata: object } } } }>(
        `SELECT payload FROM commerce.webhook_event WHERE id = $1`,
        [hostile.id],
      );
      expect(stored!.payload.data.object.name).not.toContain('\u0000');
      expect(stored!.payload.data.object.name.startsWith('Zo')).toBe(true);
      expect(Object.keys(stored!.payload.data.object.metadata)).toEqual([expect.not.stringContaining('\u0000')]);
    });

    it('stores and fulfils an event delivered five times at once exactly once', async () => {
      const { orderId } = await pay.buy(buyers[0]!, look.offers['PERSONAL']!.id);
      const [completed] = await pay.pending((e) => e.type === 'checkout.session.completed');
      const responses = await Promise.all([1, 2, 3, 4, 5].map(() => pay.post(completed!)));
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(responses.filter((r) => r.body.duplicate === false)).toHaveLength(1);
      expect(await api.db.query(`SELECT id FROM commerce.webhook_event WHERE id = $1`, [completed!.id])).toHaveLength(
        1,
      );
      // Processing it concurrently (a retried job racing the first) is harmless too.
      const job = (await import('@lookbook/commerce/testing')).ProcessEventJob;
      await Promise.all([1, 2, 3].map(() => api.app.get(job).handle({ eventId: completed!.id })));
      await pay.settle();
      expect(
        await api.db.query(`SELECT id FROM licensing.grant WHERE order_ref = $1`, [`order:${orderId}`]),
      ).toHaveLength(1);
      expect(
        await api.db.query(`SELECT id FROM ledger.transaction WHERE external_ref LIKE $1`, [`order:${orderId}:paid`]),
      ).toHaveLength(1);
      await pay.assertBooks();
    });
  });

  it('handles a refund that arrives before the completion event (re-reads the checkout, then refunds)', async () => {
    const { orderId, sessionId } = await pay.buy(buyers[1]!, look.offers['PERSONAL']!.id);
    // Refunded at the provider directly (its dashboard) before we processed the payment.
    const session = await pay.gateway.retrieveCheckoutSession(sessionId);
    await pay.gateway.createRefund({ paymentIntentId: session.paymentIntentId!, amount: 500, metadata: {} }, 'dash-1');
    const refundedEvents = await pay.pending((e) => e.type === 'charge.refunded');
    await pay.deliver(refundedEvents);
    expect(await pay.process()).toEqual([]);
    const { order } = await as<{ order: { status: string; licenseId: string; refunds: object[] } }>(buyers[1]!, ORDER, {
      id: orderId,
    });
    expect(order).toMatchObject({
      status: 'REFUNDED',
      refunds: [{ amount: 500, reason: 'PROVIDER', status: 'SUCCEEDED' }],
    });
    const licence = await request(api.server).get(`/api/v1/licenses/${order.licenseId}/verify`).expect(200);
    expect(licence.body.status).toBe('REVOKED');
    // The late completion event changes nothing; nothing was ever transferred.
    await pay.settle();
    const [split] = await api.db.query<{ transfer_status: string }>(
      `SELECT transfer_status FROM commerce.order_split WHERE order_id = $1`,
      [orderId],
    );
    expect(split!.transfer_status).toBe('CANCELLED');
    await pay.assertBooks();
  });

  it('holds money until the creator can receive it, then transfers; payout failures flag the account', async () => {
    const late = lateCreator;
    const theirs = lateLook;
    const { orderId } = await pay.buy(buyers[2]!, theirs.offers['PERSONAL']!.id);
    await pay.settle();
    const status = async () =>
      (
        await api.db.query<{ transfer_status: string }>(
          `SELECT transfer_status FROM commerce.order_split WHERE order_id = $1`,
          [orderId],
        )
      )[0]!.transfer_status;
    expect(await status()).toBe('WAITING_FOR_ACCOUNT');
    expect((await as<{ myEarnings: object[] }>(late, EARNINGS)).myEarnings).toEqual([
      { currency: 'EUR', pending: 450, available: 0, paidOut: 0, lifetimeEarnings: 450 },
    ]);

    const account = await pay.onboard(late, 'fails'); // account.updated releases what waited
    await pay.settle();
    expect(await status()).toBe('SENT');
    expect((await as<{ myEarnings: object[] }>(late, EARNINGS)).myEarnings).toEqual([
      { currency: 'EUR', pending: 0, available: 450, paidOut: 0, lifetimeEarnings: 450 },
    ]);

    // The bank refuses the payout: the money is available again and the account needs attention.
    await pay.provider.payOut(account);
    await pay.settle();
    expect((await as<{ myPayoutAccount: object }>(late, ACCOUNT)).myPayoutAccount).toEqual({
      status: 'PAYOUT_FAILED',
      payoutFailureCode: 'account_closed',
    });
    expect((await as<{ myEarnings: object[] }>(late, EARNINGS)).myEarnings).toEqual([
      { currency: 'EUR', pending: 0, available: 450, paidOut: 0, lifetimeEarnings: 450 },
    ]);
    const { myPayouts } = await as<{ myPayouts: { nodes: object[] } }>(
      late,
      `query { myPayouts { nodes { amount status failureCode } } }`,
    );
    expect(myPayouts.nodes).toEqual([{ amount: 450, status: 'FAILED', failureCode: 'account_closed' }]);
    await pay.assertBooks();
  });

  it('nets a dispute lost after the creator was paid out against later earnings', async () => {
    const account = await pay.onboard(creator);
    const { orderId } = await pay.buy(buyers[3]!, look.offers['COMMERCIAL']!.id);
    await pay.settle();
    await pay.provider.payOut(account);
    await pay.settle();
    const earnings = async () =>
      (await as<{ myEarnings: { pending: number; available: number; paidOut: number }[] }>(creator, EARNINGS))
        .myEarnings[0]!;
    const paidOutBefore = (await earnings()).paidOut;
    expect(paidOutBefore).toBeGreaterThanOrEqual(4410);

    const [charge] = await api.db.query<{ charge_id: string }>(`SELECT charge_id FROM commerce."order" WHERE id = $1`, [
      orderId,
    ]);
    const disputeId = await pay.provider.dispute(charge!.charge_id);
    await pay.settle();
    expect((await as<{ order: { status: string } }>(buyers[3]!, ORDER, { id: orderId })).order.status).toBe('DISPUTED');
    // Refunds wait for the outcome.
    expect(
      errorCode(
        await gql(
          api.server,
          `mutation($id: UUID!) { refundOrder(orderId: $id) { id } }`,
          { id: orderId },
          buyers[3]!.accessToken,
        ),
      ),
    ).toBe('ORDER_DISPUTED');

    await pay.provider.closeDispute(disputeId, 'lost');
    await pay.settle();
    const { order } = await as<{ order: { status: string; licenseId: string } }>(buyers[3]!, ORDER, { id: orderId });
    expect(order.status).toBe('DISPUTE_LOST');
    const licence = await request(api.server).get(`/api/v1/licenses/${order.licenseId}/verify`).expect(200);
    expect(licence.body).toMatchObject({ status: 'REVOKED', revocationReason: 'DISPUTE_LOST' });
    // Paid out already: the reversal cannot recover it, so the creator owes it.
    const [reversal] = await api.db.query<{ status: string }>(
      `SELECT status FROM commerce.reversal WHERE order_id = $1`,
      [orderId],
    );
    expect(reversal!.status).toBe('UNRECOVERABLE');
    await world(api).setRoles(buyers[4]!, ['admin']);
    const queue = await gql<{ moneyReviewQueue: { kind: string; orderId: string; amount: number }[] }>(
      api.server,
      `query { moneyReviewQueue(first: 100) { kind orderId amount } }`,
      {},
      buyers[4]!.accessToken,
    );
    expect(queue.data!.moneyReviewQueue).toContainEqual({ kind: 'UNRECOVERED_REVERSAL', orderId, amount: 4410 });
    await world(api).setRoles(buyers[4]!, []);
    expect(await earnings()).toMatchObject({ pending: -4410, available: 0, paidOut: paidOutBefore });

    // The next sale pays the debt first: nothing is transferred for it.
    const next = await pay.buy(buyers[4]!, look.offers['COMMERCIAL']!.id);
    await pay.settle();
    const [netted] = await api.db.query<{ transfer_status: string }>(
      `SELECT transfer_status FROM commerce.order_split WHERE order_id = $1`,
      [next.orderId],
    );
    expect(netted!.transfer_status).toBe('NETTED');
    expect(await earnings()).toMatchObject({ pending: 0, available: 0 });
    await pay.assertBooks();
  });

  it('returns the money when a dispute is won and keeps the licence', async () => {
    const buyer = await signUpUser(api.server);
    const { orderId } = await pay.buy(buyer, look.offers['PERSONAL']!.id, 'disputed'); // the card disputes right away
    await pay.settle();
    expect((await as<{ order: { status: string } }>(buyer, ORDER, { id: orderId })).order.status).toBe('DISPUTED');
    const [dispute] = await api.db.query<{ id: string }>(`SELECT id FROM commerce.dispute WHERE order_id = $1`, [
      orderId,
    ]);
    await pay.provider.closeDispute(dispute!.id, 'won');
    await pay.settle();
    const { order } = await as<{ order: { status: string; licenseId: string } }>(buyer, ORDER, { id: orderId });
    expect(order.status).toBe('PAID');
    expect((await request(api.server).get(`/api/v1/licenses/${order.licenseId}/verify`)).body.status).toBe('ACTIVE');
    await pay.assertBooks();
  });

  it('refunds a buyer whose exclusive was sold to someone else while they paid', async () => {
    await pay.onboard(exclusiveSeller);
    const offerId = exclusive.offers['EXCLUSIVE']!.id;
    const [a, b] = [buyers[0]!, buyers[1]!];
    const first = await pay.checkout(a, offerId);
    const second = await pay.checkout(b, offerId);
    for (const { sessionId } of [first, second]) {
      await request(api.server).post(`/local-gateway/checkout/${sessionId}/confirm?card=succeeds`).expect(303);
    }
    await pay.settle();
    const statuses = await api.db.query<{
      id: string;
      status: string;
      refunded_amount: string;
      failure_reason: string | null;
    }>(
      `SELECT id, status, refunded_amount, failure_reason FROM commerce."order" WHERE id = ANY($1::uuid[]) ORDER BY paid_at`,
      [[first.orderId, second.orderId]],
    );
    expect(statuses.map((s) => [s.status, Number(s.refunded_amount), s.failure_reason])).toEqual([
      ['PAID', 0, null],
      ['REFUNDED', 250000, 'VERSION_EXCLUSIVELY_LICENSED'],
    ]);
    expect(
      await api.db.query(`SELECT id FROM licensing.grant WHERE version_id = $1`, [exclusive.versionId]),
    ).toHaveLength(1);
    await pay.assertBooks();
  });
});
