import type { TransferInput } from '@lookbook/commerce';
import { LocalGateway, PaymentProvider, ProviderRejectedError, ProviderUnavailableError } from '@lookbook/commerce';
import { MoneySweepJob, TransferService, transferServiceWith } from '@lookbook/commerce/testing';
import { LedgerService } from '@lookbook/ledger';
import type { TestUser } from '@lookbook/testing';
import { errorCode, gql, OFFERS, setOffers, signUpUser } from '@lookbook/testing';
import { PaymentsDriver } from './support/payments';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { publishedVersion } from './support/versions';
import { world } from './support/world';

/** A provider that fails the way processes and networks do, around the real local gateway. */
class FaultyProvider extends PaymentProvider {
  readonly name = 'local' as const;
  transferCalls = 0;
  fault: 'die-before-call' | 'die-after-call' | 'timeout' | 'refuse' | null = null;

  constructor(private readonly real: LocalGateway) {
    super();
  }

  async createTransfer(input: TransferInput, key: string) {
    this.transferCalls += 1;
    const fault = this.fault;
    this.fault = null;
    if (fault === 'die-before-call') throw new Error('process killed after the ledger commit');
    if (fault === 'timeout') throw new ProviderUnavailableError('timed out');
    if (fault === 'refuse') throw new ProviderRejectedError('No such destination', 'account_invalid');
    const result = await this.real.createTransfer(input, key);
    if (fault === 'die-after-call') throw new Error('process killed before recording the transfer');
    return result;
  }
  createConnectedAccount: LocalGateway['createConnectedAccount'] = (...a) => this.real.createConnectedAccount(...a);
  retrieveAccount: LocalGateway['retrieveAccount'] = (...a) => this.real.retrieveAccount(...a);
  createOnboardingLink: LocalGateway['createOnboardingLink'] = (...a) => this.real.createOnboardingLink(...a);
  createCheckoutSession: LocalGateway['createCheckoutSession'] = (...a) => this.real.createCheckoutSession(...a);
  retrieveCheckoutSession: LocalGateway['retrieveCheckoutSession'] = (...a) => this.real.retrieveCheckoutSession(...a);
  reverseTransfer: LocalGateway['reverseTransfer'] = (...a) => this.real.reverseTransfer(...a);
  createRefund: LocalGateway['createRefund'] = (...a) => this.real.createRefund(...a);
}

describe('commerce money safety: crashes, retries and concurrency around transfers', () => {
  let api: TestApi;
  let pay: PaymentsDriver;
  let creator: TestUser;
  let look: Awaited<ReturnType<typeof publishedVersion>>;
  let second: Awaited<ReturnType<typeof publishedVersion>>;
  let account: string;
  let faulty: FaultyProvider;
  let transfers: TransferService;

  beforeAll(async () => {
    api = await startTestApi({ env: { PLATFORM_FEE_BPS: '1000' } });
    // A worker only to ingest the uploads; it stops before any payment so the driver alone runs the money jobs.
    const ingest = await startTestWorker(api.db.url);
    pay = new PaymentsDriver(api);
    creator = await signUpUser(api.server);
    look = await publishedVersion(api, creator);
    second = await publishedVersion(api, creator);
    await ingest.close();
    account = await pay.onboard(creator);
    faulty = new FaultyProvider(api.app.get(LocalGateway));
    transfers = transferServiceWith(api.app, faulty);
  });
  afterAll(() => api.close());

  /** A paid, fulfilled order whose transfer has not run yet. */
  async function paidOrder(buyer?: TestUser): Promise<string> {
    const { orderId } = await pay.buy(buyer ?? (await signUpUser(api.server)), look.offers['PERSONAL']!.id);
    await pay.deliver(await pay.pending());
    expect(await pay.process()).toEqual([]);
    return orderId;
  }
  const split = async (orderId: string) =>
    (
      await api.db.query<{
        transfer_status: string;
        transfer_amount: string | null;
        transfer_id: string | null;
        transfer_attempt: number;
      }>(
        `SELECT transfer_status, transfer_amount, transfer_id, transfer_attempt FROM commerce.order_split WHERE order_id = $1`,
        [orderId],
      )
    )[0]!;
  const gatewayTransfers = (orderId: string) =>
    api.db.query(`SELECT id FROM local_gateway.object WHERE type = 'transfer' AND body->>'transfer_group' = $1`, [
      `order:${orderId}`,
    ]);
  const transferPostings = (orderId: string) =>
    api.db.query(`SELECT external_ref FROM ledger.transaction WHERE kind = 'TRANSFER' AND external_ref LIKE $1`, [
      `order:${orderId}:%`,
    ]);

  it.each(['die-before-call', 'die-after-call', 'timeout'] as const)(
    'pays exactly once when the worker %s (the retried job resumes with the same key)',
    async (fault) => {
      const orderId = await paidOrder();
      faulty.fault = fault;
      await expect(transfers.run(orderId, creator.id)).rejects.toThrow();
      // The amount was decided and booked before the call; the books already balance.
      expect(await split(orderId)).toMatchObject({ transfer_status: 'SENDING', transfer_amount: '450' });
      expect(await transferPostings(orderId)).toHaveLength(1);
      expect(await gatewayTransfers(orderId)).toHaveLength(fault === 'die-after-call' ? 1 : 0);

      expect(await transfers.run(orderId, creator.id)).toMatch(/^sent 450 as tr_/);
      expect(await transfers.run(orderId, creator.id)).toBe('already sent'); // a third delivery of the job
      expect(await split(orderId)).toMatchObject({ transfer_status: 'SENT', transfer_amount: '450' });
      expect(await gatewayTransfers(orderId)).toHaveLength(1);
      expect(await transferPostings(orderId)).toHaveLength(1);
      await pay.settle();
      await pay.assertBooks();
    },
  );

  it('returns a refused transfer to the balance and retries it later under a new key', async () => {
    const orderId = await paidOrder();
    faulty.fault = 'refuse';
    expect(await transfers.run(orderId, creator.id)).toMatch(/refused \(account_invalid\)/);
    expect(await split(orderId)).toMatchObject({
      transfer_status: 'WAITING_FOR_ACCOUNT',
      transfer_amount: null,
      transfer_attempt: 1,
    });
    await pay.assertBooks(); // the refused amount is owed again
    expect(await transfers.run(orderId, creator.id)).toMatch(/^sent 450/);
    const [key] = await api.db.query<{ key: string }>(`SELECT key FROM local_gateway.idempotency WHERE key LIKE $1`, [
      `order:${orderId}:%`,
    ]);
    expect(key!.key).toBe(`order:${orderId}:split:${creator.id}:attempt:1`);
    await pay.assertBooks();
  });

  it('never transfers more than one creator is owed, under 50 concurrent transfers and a prior debt', async () => {
    const buyers = await Promise.all(Array.from({ length: 50 }, () => signUpUser(api.server)));
    const orders: string[] = [];
    for (const buyer of buyers) orders.push((await pay.buy(buyer, look.offers['PERSONAL']!.id)).orderId);
    await pay.deliver(await pay.pending());
    expect(await pay.process()).toEqual([]);
    // An earlier lost dispute left the creator owing 1,234.
    await api.app.get(LedgerService).postNow({
      externalRef: 'test:debt',
      kind: 'TEST',
      description: 'a debt from a lost dispute',
      entries: [
        { account: { purpose: 'CREATOR_PAYABLE', ownerId: creator.id, currency: 'EUR' }, amount: 1234 },
        { account: { purpose: 'DISPUTE_LOSSES', currency: 'EUR' }, amount: -1234 },
      ],
    });
    const ledger = api.app.get(LedgerService);
    const owed = -(await ledger.balance({ purpose: 'CREATOR_PAYABLE', ownerId: creator.id, currency: 'EUR' }));
    const connectedBefore = Number(
      (
        await api.db.query<{ available: string }>(`SELECT available FROM local_gateway.balance WHERE account = $1`, [
          account,
        ])
      )[0]?.available ?? 0,
    );
    const results = await Promise.allSettled(orders.map((id) => api.app.get(TransferService).run(id, creator.id)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const sent = await api.db.query<{ total: string; netted: string }>(
      `SELECT coalesce(sum(transfer_amount), 0) AS total, count(*) FILTER (WHERE transfer_status = 'NETTED') AS netted
         FROM commerce.order_split WHERE order_id = ANY($1::uuid[])`,
      [orders],
    );
    expect(Number(sent[0]!.total)).toBe(Math.min(owed, 50 * 450));
    expect(Number(sent[0]!.netted)).toBe(Math.floor((50 * 450 - Number(sent[0]!.total)) / 450));
    expect(await ledger.balance({ purpose: 'CREATOR_PAYABLE', ownerId: creator.id, currency: 'EUR' })).toBe(0);
    const connectedAfter = Number(
      (
        await api.db.query<{ available: string }>(`SELECT available FROM local_gateway.balance WHERE account = $1`, [
          account,
        ])
      )[0]!.available,
    );
    expect(connectedAfter - connectedBefore).toBe(Number(sent[0]!.total));
  });

  it('re-queues money work that stalled (a job lost after the ledger commit) and it then completes once', async () => {
    const orderId = await paidOrder();
    faulty.fault = 'die-before-call';
    await expect(transfers.run(orderId, creator.id)).rejects.toThrow();
    // Its retries ran out (or were lost): nothing is queued any more, and the split was left SENDING.
    await api.db.query(`DELETE FROM graphile_worker._private_jobs WHERE key = $1`, [
      `transfer:${orderId}:${creator.id}`,
    ]);
    const sweep = api.app.get(MoneySweepJob);
    expect(await sweep.requeue()).toBe(0); // not stale yet: it may still be in flight
    await api.db.query(
      `UPDATE commerce.order_split SET updated_at = updated_at - interval '11 minutes' WHERE order_id = $1`,
      [orderId],
    );
    expect(await sweep.requeue()).toBe(1);
    const queued = await api.db.query<{ task_identifier: string }>(
      `SELECT t.identifier AS task_identifier FROM graphile_worker._private_jobs j
         JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE j.key = $1`,
      [`transfer:${orderId}:${creator.id}`],
    );
    expect(queued).toEqual([{ task_identifier: 'commerce.transfer' }]);
    expect(await transfers.run(orderId, creator.id)).toMatch(/^sent 450/);
    expect(await gatewayTransfers(orderId)).toHaveLength(1);
    await pay.assertBooks();
  });

  it('leaves nothing half-written when the database fails in the middle of fulfilment, then fulfils once', async () => {
    const buyer = await signUpUser(api.server);
    const { orderId } = await pay.buy(buyer, look.offers['COMMERCIAL']!.id);
    // The database goes away after the licence row is written and before the sale is posted (57P01 is what a
    // server shutdown sends to open sessions).
    await api.db.query(`
      CREATE FUNCTION public.fail_sale() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.external_ref = 'order:${orderId}:paid' THEN
          RAISE EXCEPTION 'terminating connection due to administrator command' USING ERRCODE = '57P01';
        END IF;
        RETURN NEW;
      END $$`);
    await api.db.query(
      `CREATE TRIGGER fail_sale BEFORE INSERT ON ledger.transaction FOR EACH ROW EXECUTE FUNCTION public.fail_sale()`,
    );
    try {
      await pay.deliver(await pay.pending((e) => e.type === 'checkout.session.completed'));
      const failures = await pay.process();
      expect(failures).toEqual([expect.stringContaining('terminating connection')]);
      expect(await api.db.query(`SELECT id FROM licensing.grant WHERE order_ref = $1`, [`order:${orderId}`])).toEqual(
        [],
      );
      expect(
        await api.db.query(`SELECT id FROM ledger.transaction WHERE external_ref LIKE $1`, [`order:${orderId}%`]),
      ).toEqual([]);
      const [order] = await api.db.query<{ status: string }>(`SELECT status FROM commerce."order" WHERE id = $1`, [
        orderId,
      ]);
      expect(order!.status).toBe('PENDING');
      expect(
        await api.db.query(`SELECT id FROM graphile_worker._private_jobs WHERE key = $1`, [
          `transfer:${orderId}:${creator.id}`,
        ]),
      ).toEqual([]);
    } finally {
      await api.db.query(`DROP TRIGGER fail_sale ON ledger.transaction`);
      await api.db.query(`DROP FUNCTION public.fail_sale()`);
    }
    // The event is still unprocessed in the inbox: its retry fulfils it, exactly once.
    expect(await pay.process()).toEqual([]);
    expect(await pay.process()).toEqual([]);
    expect(
      await api.db.query(`SELECT id FROM licensing.grant WHERE order_ref = $1`, [`order:${orderId}`]),
    ).toHaveLength(1);
    expect(await transferPostings(orderId)).toHaveLength(0);
    await pay.settle();
    expect(await transferPostings(orderId)).toHaveLength(1);
    await pay.assertBooks();
  });

  // Last: the provider then holds money our books deliberately do not (held for review), so books differ after it.
  it('holds a payment whose amount does not match its order, granting and booking nothing', async () => {
    const buyer = await signUpUser(api.server);
    const { orderId, sessionId } = await pay.checkout(buyer, look.offers['PERSONAL']!.id);
    // The provider's record says another amount and currency (a tampered or mismatched session).
    await api.db.query(
      `UPDATE local_gateway.object SET body = body || '{"amount_total": 1, "currency": "usd"}'::jsonb WHERE id = $1`,
      [sessionId],
    );
    await pay.provider.confirmCheckout(sessionId, 'succeeds');
    await pay.deliver(await pay.pending((e) => e.type === 'checkout.session.completed'));
    expect(await pay.process()).toEqual([]);
    const [order] = await api.db.query<{ status: string; failure_reason: string; grant_id: string | null }>(
      `SELECT o.status, o.failure_reason, l.grant_id FROM commerce."order" o
         JOIN commerce.order_line l ON l.order_id = o.id WHERE o.id = $1`,
      [orderId],
    );
    expect(order).toEqual({ status: 'PENDING', failure_reason: 'AMOUNT_MISMATCH', grant_id: null });
    expect(
      await api.db.query(`SELECT id FROM ledger.transaction WHERE external_ref LIKE $1`, [`order:${orderId}%`]),
    ).toEqual([]);
    const [event] = await api.db.query<{ outcome: string }>(
      `SELECT outcome FROM commerce.webhook_event WHERE payload->'data'->'object'->>'id' = $1`,
      [sessionId],
    );
    expect(event!.outcome).toBe('amount mismatch: held for review');
    // It waits in support's queue (support only).
    const QUEUE = `query { moneyReviewQueue { kind orderId amount currency } }`;
    expect(errorCode(await gql(api.server, QUEUE, {}, buyer.accessToken))).toBe('FORBIDDEN');
    const support = await world(api).staff('moderator');
    const queue = await gql<{ moneyReviewQueue: object[] }>(api.server, QUEUE, {}, support.accessToken);
    expect(queue.data!.moneyReviewQueue).toContainEqual({
      kind: 'AMOUNT_MISMATCH',
      orderId,
      amount: 500,
      currency: 'EUR',
    });
  });

  it('refuses prices that are not positive whole minor units before anything is sold', async () => {
    const draft = second;
    for (const priceAmount of [-500, 0, 12.5]) {
      const result = await gql(
        api.server,
        `mutation($v: UUID!, $o: [LicenseOfferInput!]!) { setLicenseOffers(versionId: $v, offers: $o) { id } }`,
        { v: draft.versionId, o: [{ ...OFFERS.personal, priceAmount }] },
        creator.accessToken,
      );
      expect(errorCode(result)).toMatch(/^INVALID_PRICE|BAD_USER_INPUT|INVALID_OFFER/);
    }
    await expect(
      setOffers(api.server, creator.accessToken, draft.versionId, [{ ...OFFERS.personal, priceCurrency: 'euro' }]),
    ).rejects.toThrow();
    const buyer = await signUpUser(api.server);
    const live = (
      await gql<{ modelVersion: { licenseOffers: { priceAmount: number }[] } }>(
        api.server,
        `query($v: UUID!) { modelVersion(id: $v) { licenseOffers { priceAmount } } }`,
        { v: draft.versionId },
        buyer.accessToken,
      )
    ).data!.modelVersion.licenseOffers;
    expect(live.map((o) => o.priceAmount).sort()).toEqual([4900, 500]);
  });
});
