import fc from 'fast-check';
import type { TestUser } from '@lookbook/testing';
import { gql, OFFERS, signUpUser } from '@lookbook/testing';
import { PaymentsDriver } from './support/payments';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { publishedVersion } from './support/versions';

type Card = 'succeeds' | 'declined' | 'disputed';
type Action =
  | { kind: 'buy'; buyer: number; offer: number; card: Card }
  | { kind: 'buyMany'; buyer: number; versions: number[]; commercial: boolean[]; card: Card }
  | { kind: 'deliver'; pick: number; times: number }
  | { kind: 'process'; order: 'received' | 'reverse' }
  | { kind: 'jobs' }
  | { kind: 'refund'; order: number; line: number | null; bySeller: boolean; part: number }
  | { kind: 'dispute'; order: number }
  | { kind: 'closeDispute'; dispute: number; won: boolean }
  | { kind: 'payout'; creator: number };

/** Weighted so every run buys often enough for refunds, disputes and payouts to have something to act on. */
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('buy' as const),
      buyer: fc.nat(5),
      offer: fc.nat(3),
      card: fc.constantFrom('succeeds' as const, 'succeeds' as const, 'declined' as const, 'disputed' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('buyMany' as const),
      buyer: fc.nat(5),
      versions: fc.uniqueArray(fc.nat(3), { minLength: 2, maxLength: 3 }),
      commercial: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      card: fc.constantFrom('succeeds' as const, 'succeeds' as const, 'declined' as const, 'disputed' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      pick: fc.nat(20),
      times: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('process' as const),
      order: fc.constantFrom('received' as const, 'reverse' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('jobs' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      order: fc.nat(30),
      line: fc.option(fc.nat(2)),
      bySeller: fc.boolean(),
      part: fc.integer({ min: 1, max: 100 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dispute' as const), order: fc.nat(30) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('closeDispute' as const), dispute: fc.nat(10), won: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('payout' as const), creator: fc.nat(1) }) },
);

/**
 * Random interleavings of purchases (of one offer, or of several in one order), duplicate and reordered webhooks,
 * refunds (of a line, part of a line, or every line), disputes and payouts never break the money invariants: every
 * ledger transaction sums to zero; cached balances equal their entries; the clearing account equals the provider's
 * platform balance; each creator's payable balance equals what the business records say; what reached each creator's
 * provider account equals what we transferred (nothing paid twice); each line's splits and fee sum to its price and
 * the lines to the order; a licence is in force exactly when its line's money is kept.
 */
describe('commerce invariants under random interleavings (property)', () => {
  let api: TestApi;
  let pay: PaymentsDriver;
  let creators: TestUser[];
  let buyers: TestUser[];
  let offers: { id: string; seller: TestUser }[];
  /** Four versions (two per creator), each with a personal and a commercial offer. */
  let versions: { personal: string; commercial: string }[];
  const accounts: string[] = [];

  beforeAll(async () => {
    api = await startTestApi({ env: { PLATFORM_FEE_BPS: '1250' } });
    const ingest = await startTestWorker(api.db.url);
    pay = new PaymentsDriver(api);
    const users = await Promise.all(Array.from({ length: 8 }, () => signUpUser(api.server)));
    creators = users.slice(0, 2);
    buyers = users.slice(2);
    offers = [];
    versions = [];
    for (const creator of [...creators, ...creators]) {
      const look = await publishedVersion(api, creator, { offers: [OFFERS.personal, OFFERS.commercial] });
      offers.push(
        { id: look.offers['PERSONAL']!.id, seller: creator },
        { id: look.offers['COMMERCIAL']!.id, seller: creator },
      );
      versions.push({ personal: look.offers['PERSONAL']!.id, commercial: look.offers['COMMERCIAL']!.id });
    }
    await ingest.close();
    accounts.push(await pay.onboard(creators[0]!)); // the second creator has no payout account: money waits
  }, 60_000);
  afterAll(() => api.close());

  async function paidOrders() {
    return api.db.query<{
      id: string;
      buyer_id: string;
      charge_id: string;
      lines: { id: string; seller_id: string; amount: number; refunded_amount: number }[];
    }>(
      `SELECT o.id, o.buyer_id, o.charge_id,
              json_agg(json_build_object('id', l.id, 'seller_id', l.seller_id, 'amount', l.amount,
                                         'refunded_amount', l.refunded_amount) ORDER BY l.position) AS lines
         FROM commerce."order" o JOIN commerce.order_line l ON l.order_id = o.id
        WHERE o.paid_at IS NOT NULL GROUP BY o.id ORDER BY o.paid_at, o.id`,
    );
  }

  async function payWith(sessionUrl: string, card: Card) {
    await pay.provider.confirmCheckout(sessionUrl.split('/').pop()!, card);
  }

  async function perform(step: Action): Promise<void> {
    switch (step.kind) {
      case 'buy': {
        const offer = offers[step.offer]!;
        const bought = await gql<{ checkout: { checkoutUrl: string } }>(
          api.server,
          `mutation($o: UUID!) { checkout(offerId: $o) { checkoutUrl } }`,
          { o: offer.id },
          buyers[step.buyer]!.accessToken,
        );
        if (!bought.data) return; // e.g. ALREADY_LICENSED: a typed refusal changes nothing
        await payWith(bought.data.checkout.checkoutUrl, step.card);
        return;
      }
      case 'buyMany': {
        const chosen = step.versions.map((v, i) => versions[v]![step.commercial[i] ? 'commercial' : 'personal']);
        const bought = await gql<{ checkoutOffers: { checkoutUrl: string } }>(
          api.server,
          `mutation($o: [UUID!]!) { checkoutOffers(offerIds: $o) { checkoutUrl } }`,
          { o: chosen },
          buyers[step.buyer]!.accessToken,
        );
        if (!bought.data) return; // e.g. ALREADY_LICENSED for one of them: nothing was created
        await payWith(bought.data.checkoutOffers.checkoutUrl, step.card);
        return;
      }
      case 'deliver': {
        const pending = await pay.pending();
        const event = pending[step.pick % Math.max(pending.length, 1)];
        if (!event) return;
        for (let i = 0; i < step.times; i += 1) await pay.post(event).expect(200);
        await pay.deliver([event]);
        return;
      }
      case 'process':
        await pay.process(step.order);
        return;
      case 'jobs':
        await pay.runMoneyJobs();
        return;
      case 'refund': {
        const orders = await paidOrders();
        const order = orders[step.order % Math.max(orders.length, 1)];
        if (!order) return;
        // A line (the buyer's whole line, or part of it by its seller), or every line (the buyer).
        const line = step.line === null && !step.bySeller ? null : order.lines[(step.line ?? 0) % order.lines.length]!;
        const actor = step.bySeller
          ? creators.find((c) => c.id === line!.seller_id)!
          : buyers.find((b) => b.id === order.buyer_id)!;
        const left = line ? line.amount - line.refunded_amount : 0;
        const amount = step.bySeller ? Math.max(1, Math.floor((left * step.part) / 100)) : undefined;
        await gql(
          api.server,
          `mutation($id: UUID!, $l: UUID, $a: SafeInt) { refundOrder(orderId: $id, lineId: $l, amount: $a) { id } }`,
          { id: order.id, l: line?.id ?? null, a: amount },
          actor.accessToken,
        );
        return;
      }
      case 'dispute': {
        const orders = await paidOrders();
        const order = orders[step.order % Math.max(orders.length, 1)];
        if (order) await pay.provider.dispute(order.charge_id).catch(() => undefined); // already disputed / fully refunded
        return;
      }
      case 'closeDispute': {
        const open = await api.db.query<{ id: string }>(
          `SELECT id FROM local_gateway.object WHERE type = 'dispute' AND body->>'status' = 'needs_response' ORDER BY id`,
        );
        const dispute = open[step.dispute % Math.max(open.length, 1)];
        if (dispute) await pay.provider.closeDispute(dispute.id, step.won ? 'won' : 'lost');
        return;
      }
      case 'payout':
        if (accounts[step.creator]) await pay.provider.payOut(accounts[step.creator]!);
        return;
    }
  }

  async function assertInvariants() {
    await pay.assertBooks();
    // Each line's splits and fee sum to its price; the lines to the order (amount, fee, refunds reserved).
    expect(
      await api.db.query(
        `SELECT l.order_id, l.position FROM commerce.order_line l
           JOIN commerce.order_split s ON s.order_id = l.order_id AND s.line = l.position
          GROUP BY l.id HAVING l.amount <> l.platform_fee + sum(s.amount)`,
      ),
    ).toEqual([]);
    expect(
      await api.db.query(
        `SELECT o.id FROM commerce."order" o JOIN commerce.order_line l ON l.order_id = o.id GROUP BY o.id
         HAVING o.amount <> sum(l.amount) OR o.platform_fee <> sum(l.platform_fee)
             OR o.refunded_amount <> sum(l.refunded_amount)`,
      ),
    ).toEqual([]);
    // A refund's lines sum to it; a line's refunds never exceed it; a line that could not be granted paid nobody.
    expect(
      await api.db.query(
        `SELECT r.id FROM commerce.refund r JOIN commerce.refund_line rl ON rl.refund_id = r.id
          GROUP BY r.id HAVING r.amount <> sum(rl.amount)`,
      ),
    ).toEqual([]);
    expect(
      await api.db.query(
        `SELECT s.order_id FROM commerce.order_split s
           JOIN commerce.order_line l ON l.order_id = s.order_id AND l.position = s.line
          WHERE l.failure_reason IS NOT NULL AND s.transfer_amount IS NOT NULL`,
      ),
    ).toEqual([]);
    for (const creator of creators) {
      // The payable account says exactly what the records say: earned − clawed back − (transferred − reversed).
      const [records] = await api.db.query<{ owed: string }>(
        `SELECT coalesce(sum(s.amount - s.clawed_back - coalesce(s.transfer_amount, 0) + s.reversed_amount), 0) AS owed
           FROM commerce.order_split s JOIN commerce."order" o ON o.id = s.order_id
          WHERE s.recipient_id = $1 AND o.paid_at IS NOT NULL`,
        [creator.id],
      );
      const [payable] = await api.db.query<{ balance: string }>(
        `SELECT coalesce((SELECT balance FROM ledger.account WHERE code = $1), 0) AS balance`,
        [`CREATOR_PAYABLE:${creator.id}:EUR`],
      );
      expect(-Number(payable!.balance) || 0).toBe(Number(records!.owed));
      // What reached the creator's provider account is what we transferred: nothing twice, nothing lost.
      const [sent] = await api.db.query<{ net: string; transfers: string; splits: string }>(
        `SELECT coalesce(sum(s.transfer_amount - s.reversed_amount), 0) AS net FROM commerce.order_split s
          WHERE s.recipient_id = $1 AND s.transfer_status = 'SENT'`,
        [creator.id],
      );
      const [account] = await api.db.query<{ provider_account_id: string }>(
        `SELECT provider_account_id FROM commerce.connected_account WHERE creator_id = $1`,
        [creator.id],
      );
      if (!account) {
        expect(Number(sent!.net)).toBe(0);
        continue;
      }
      const [atProvider] = await api.db.query<{ total: string }>(
        `SELECT coalesce((SELECT available FROM local_gateway.balance WHERE account = $1 AND currency = 'eur'), 0)
              + coalesce((SELECT sum((body->>'amount')::bigint) FROM local_gateway.object
                           WHERE type = 'payout' AND account = $1 AND body->>'status' = 'paid'), 0) AS total`,
        [account.provider_account_id],
      );
      expect(Number(atProvider!.total)).toBe(Number(sent!.net));
      // One transfer per split at most (an order may pay one creator on several lines: one transfer each).
      const duplicates = await api.db.query(
        `SELECT body->>'transfer_group', body->'metadata'->>'line' FROM local_gateway.object
          WHERE type = 'transfer' AND body->>'destination' = $1
          GROUP BY body->>'transfer_group', body->'metadata'->>'line' HAVING count(*) > 1`,
        [account.provider_account_id],
      );
      expect(duplicates).toEqual([]);
    }
    // A licence is in force exactly when its line's money is kept: the order is paid (or disputed, undecided) and the
    // provider has not refunded all of the line.
    expect(
      await api.db.query(
        `SELECT o.id, l.position, o.status, g.status AS licence FROM commerce."order" o
           JOIN commerce.order_line l ON l.order_id = o.id
           JOIN licensing.grant g ON g.id = l.grant_id
          WHERE (g.status = 'ACTIVE') <> (o.status IN ('PAID', 'PARTIALLY_REFUNDED', 'DISPUTED') AND l.amount > (
                  SELECT coalesce(sum(rl.amount), 0) FROM commerce.refund_line rl
                    JOIN commerce.refund r ON r.id = rl.refund_id AND r.status = 'SUCCEEDED'
                   WHERE rl.order_id = l.order_id AND rl.line = l.position))`,
      ),
    ).toEqual([]);
  }

  it('keeps every money invariant', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 4, maxLength: 16 }), async (steps) => {
        for (const step of steps) await perform(step);
        await pay.settle();
        // Stripe pays connected balances out on its own schedule: end every run with one (whatever state it left).
        await perform({ kind: 'payout', creator: 0 });
        await pay.settle();
        await assertInvariants();
      }),
      // A fixed seed by default, so the coverage check below is a fact about these runs, not a coin toss (20 random
      // runs sometimes refund no later line); PROPERTY_SEED explores others.
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 20), seed: Number(process.env['PROPERTY_SEED'] ?? 20261207) },
    );
    // The runs exercised what they claim to: sales, refunds, disputes, transfers and payouts all happened.
    const [seen] = await api.db.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM commerce."order" WHERE paid_at IS NOT NULL) AS paid,
              (SELECT count(*)::int FROM commerce.refund) AS refunds,
              (SELECT count(*)::int FROM commerce.order_line WHERE position > 1 AND paid_at IS NOT NULL) AS "laterLines",
              (SELECT count(DISTINCT refund_id)::int FROM commerce.refund_line WHERE line > 1) AS "lineRefunds",
              (SELECT count(*)::int FROM commerce.dispute) AS disputes,
              (SELECT count(*)::int FROM commerce.order_split WHERE transfer_status = 'SENT') AS transfers,
              (SELECT count(*)::int FROM commerce.payout) AS payouts`,
    );
    process.stdout.write(`property runs exercised: ${JSON.stringify(seen)}\n`);
    expect(Object.values(seen!).every((n) => n > 0)).toBe(true);
  }, 180_000);
});
