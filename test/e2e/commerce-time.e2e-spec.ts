import request from 'supertest';
import { TransferService } from '@lookbook/commerce/testing';
import type { TestUser } from '@lookbook/testing';
import { errorCode, FakeClock, gql, signUpUser } from '@lookbook/testing';
import { PaymentsDriver } from './support/payments';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { publishedVersion } from './support/versions';

const HOUR = 3_600_000;
const REFUND = `mutation($id: UUID!, $a: SafeInt) { refundOrder(orderId: $id, amount: $a) { id status } }`;
const ORDERS = `query { myOrders { nodes { id status itemName seller { handle } amount currency refundedAmount checkoutUrl licenseId paidAt refunds { amount reason status } } } }`;

/** Money over time, on a clock the test moves: the payout hold, the buyer's refund window, checkout expiry. */
describe('commerce over time: hold period, refund window, checkout expiry', () => {
  const clock = new FakeClock(new Date());
  let api: TestApi;
  let pay: PaymentsDriver;
  let creator: TestUser;
  let buyers: TestUser[];
  let look: Awaited<ReturnType<typeof publishedVersion>>;

  beforeAll(async () => {
    api = await startTestApi({
      clock,
      env: { PAYOUT_HOLD_HOURS: '48', REFUND_WINDOW_DAYS: '14', CHECKOUT_TTL_MINUTES: '30', PLATFORM_FEE_BPS: '1000' },
    });
    const ingest = await startTestWorker(api.db.url);
    pay = new PaymentsDriver(api);
    const users = await Promise.all(Array.from({ length: 5 }, () => signUpUser(api.server)));
    creator = users[0]!;
    buyers = users.slice(1);
    look = await publishedVersion(api, creator);
    await ingest.close();
    await pay.onboard(creator);
  });
  afterAll(() => api.close());

  /** Moves the clock; access tokens are short-lived, so everyone signs in again on the new day. */
  async function advance(ms: number) {
    clock.advance(ms);
    for (const user of [creator, ...buyers]) {
      const signedIn = await gql<{ signIn: { accessToken: string } }>(
        api.server,
        `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`,
        { i: { login: user.email, password: user.password } },
      );
      user.accessToken = signedIn.data!.signIn.accessToken;
    }
  }

  const split = async (orderId: string) =>
    (
      await api.db.query<{ transfer_status: string; transferable_at: Date }>(
        `SELECT transfer_status, transferable_at FROM commerce.order_split WHERE order_id = $1`,
        [orderId],
      )
    )[0]!;

  it('holds a sale for the hold period, then transfers it', async () => {
    const paidAt = clock.now();
    const { orderId } = await pay.buy(buyers[0]!, look.offers['PERSONAL']!.id);
    await pay.settle();
    const held = await split(orderId);
    expect(held.transfer_status).toBe('SCHEDULED');
    expect(held.transferable_at.getTime()).toBe(paidAt.getTime() + 48 * HOUR);
    const transfers = api.app.get(TransferService);
    await advance(47 * HOUR);
    expect(await transfers.run(orderId, creator.id)).toBe('on hold');
    await advance(2 * HOUR);
    await pay.settle();
    expect((await split(orderId)).transfer_status).toBe('SENT');
    await pay.assertBooks();
  });

  it('cancels the transfer of a sale refunded inside the hold period: nothing to reverse', async () => {
    const { orderId } = await pay.buy(buyers[1]!, look.offers['PERSONAL']!.id);
    await pay.settle();
    const refund = await gql(api.server, REFUND, { id: orderId }, buyers[1]!.accessToken);
    expect(refund.errors).toBeUndefined();
    await pay.settle();
    await advance(49 * HOUR);
    await pay.settle();
    expect((await split(orderId)).transfer_status).toBe('CANCELLED');
    expect(await api.db.query(`SELECT id FROM commerce.reversal WHERE order_id = $1`, [orderId])).toEqual([]);
    expect(
      await api.db.query(
        `SELECT id FROM local_gateway.object WHERE type = 'transfer' AND body->>'transfer_group' = $1`,
        [`order:${orderId}`],
      ),
    ).toEqual([]);
    await pay.assertBooks();
  });

  it('closes the buyer’s refund window after 14 days; the seller can still refund', async () => {
    const { orderId } = await pay.buy(buyers[2]!, look.offers['PERSONAL']!.id);
    await pay.settle();
    await advance(15 * 24 * HOUR);
    expect(errorCode(await gql(api.server, REFUND, { id: orderId }, buyers[2]!.accessToken))).toBe(
      'REFUND_WINDOW_CLOSED',
    );
    expect(await api.db.query(`SELECT id FROM commerce.refund WHERE order_id = $1`, [orderId])).toEqual([]);
    expect((await gql(api.server, REFUND, { id: orderId, a: 200 }, creator.accessToken)).errors).toBeUndefined();
    await pay.settle();
    await pay.assertBooks();
  });

  it('expires an unpaid checkout; the next click opens a new one, and the old page takes no payment', async () => {
    const first = await pay.checkout(buyers[3]!, look.offers['PERSONAL']!.id);
    await advance(31 * 60_000);
    expect(await pay.provider.expireSessions()).toBeGreaterThanOrEqual(1);
    await pay.settle();
    const { myOrders } = (
      await gql<{ myOrders: { nodes: { id: string; status: string; checkoutUrl: string | null }[] } }>(
        api.server,
        ORDERS,
        {},
        buyers[3]!.accessToken,
      )
    ).data!;
    expect(myOrders.nodes.find((o) => o.id === first.orderId)).toMatchObject({ status: 'EXPIRED', checkoutUrl: null });
    const second = await pay.checkout(buyers[3]!, look.offers['PERSONAL']!.id);
    expect(second.orderId).not.toBe(first.orderId);
    await request(api.server).post(`/local-gateway/checkout/${first.sessionId}/confirm?card=succeeds`).expect(303);
    await pay.settle();
    expect(
      await api.db.query(`SELECT id FROM licensing.grant WHERE order_ref = $1`, [`order:${first.orderId}`]),
    ).toEqual([]);
  });

  it('lists a buyer’s orders with receipts, newest first', async () => {
    const { myOrders } = (await gql<{ myOrders: { nodes: object[] } }>(api.server, ORDERS, {}, buyers[1]!.accessToken))
      .data!;
    expect(myOrders.nodes).toEqual([
      expect.objectContaining({
        status: 'REFUNDED',
        itemName: expect.stringContaining('(personal licence)'),
        seller: { handle: creator.handle },
        amount: 500,
        currency: 'EUR',
        refundedAmount: 500,
        checkoutUrl: null,
        licenseId: expect.any(String),
        refunds: [{ amount: 500, reason: 'REQUESTED_BY_BUYER', status: 'SUCCEEDED' }],
      }),
    ]);
    // Nobody else sees them.
    const { myOrders: theirs } = (
      await gql<{ myOrders: { nodes: object[] } }>(api.server, ORDERS, {}, creator.accessToken)
    ).data!;
    expect(theirs.nodes).toEqual([]);
  });
});
