import request from 'supertest';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG } from '@lookbook/core';
import { LocalGateway, LocalGatewaySimulator, signWebhook, webhookSecrets } from '@lookbook/commerce';
import { ProcessEventJob, RefundJob, ReverseTransferJob, TransferService } from '@lookbook/commerce/testing';
import type { TestUser } from '@lookbook/testing';
import { gql } from '@lookbook/testing';
import type { TestApi } from './test-api';

export interface GatewayEvent {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, unknown> & { id: string } };
  account?: string;
}

/**
 * Plays the payment provider's side of the wire and the worker's side of the queue, step by step, on an API that runs
 * no worker: the test decides when each local-gateway event is delivered (in order, shuffled, duplicated, or not at
 * all) and when the money jobs run. Deliveries go through the real webhook route with real signatures.
 */
export class PaymentsDriver {
  /** The provider's API (what our code calls). */
  readonly gateway: LocalGateway;
  /** What happens at the provider on its own (payments on the hosted page, payouts, disputes, expiry). */
  readonly provider: LocalGatewaySimulator;
  private readonly secret: string;
  private readonly delivered = new Set<string>();

  constructor(private readonly api: TestApi) {
    this.gateway = api.app.get(LocalGateway);
    this.provider = api.app.get(LocalGatewaySimulator);
    this.secret = webhookSecrets(api.app.get<AppConfig>(APP_CONFIG))[0]!;
  }

  /** One checkout of several offers (`checkoutOffers`): one order, a line each. */
  async checkoutOffers(buyer: TestUser, offerIds: string[]): Promise<{ orderId: string; sessionId: string }> {
    const result = await gql<{ checkoutOffers: { checkoutUrl: string; order: { id: string } } }>(
      this.api.server,
      `mutation($o: [UUID!]!) { checkoutOffers(offerIds: $o) { checkoutUrl order { id } } }`,
      { o: offerIds },
      buyer.accessToken,
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    const url = result.data.checkoutOffers.checkoutUrl;
    return { orderId: result.data.checkoutOffers.order.id, sessionId: url.slice(url.lastIndexOf('/') + 1) };
  }

  /** Checkout of several offers and pay once, with a test card. */
  async buyAll(buyer: TestUser, offerIds: string[], card: 'succeeds' | 'declined' | 'disputed' = 'succeeds') {
    const bought = await this.checkoutOffers(buyer, offerIds);
    await request(this.api.server).post(`/local-gateway/checkout/${bought.sessionId}/confirm?card=${card}`).expect(303);
    return bought;
  }

  async checkout(buyer: TestUser, offerId: string): Promise<{ orderId: string; sessionId: string }> {
    const result = await gql<{ checkout: { checkoutUrl: string; order: { id: string } } }>(
      this.api.server,
      `mutation($o: UUID!) { checkout(offerId: $o) { checkoutUrl order { id } } }`,
      { o: offerId },
      buyer.accessToken,
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    const url = result.data.checkout.checkoutUrl;
    return { orderId: result.data.checkout.order.id, sessionId: url.slice(url.lastIndexOf('/') + 1) };
  }

  /** Checkout and pay with a test card (the hosted page's POST). */
  async buy(buyer: TestUser, offerId: string, card: 'succeeds' | 'declined' | 'disputed' = 'succeeds') {
    const bought = await this.checkout(buyer, offerId);
    await request(this.api.server).post(`/local-gateway/checkout/${bought.sessionId}/confirm?card=${card}`).expect(303);
    return bought;
  }

  /** Events the gateway emitted and we have not delivered yet, oldest first. */
  async pending(filter: (e: GatewayEvent) => boolean = () => true): Promise<GatewayEvent[]> {
    const rows = await this.api.db.query<{ body: GatewayEvent }>(
      `SELECT body FROM local_gateway.object WHERE type = 'event' ORDER BY created_at, id`,
    );
    return rows.map((r) => r.body).filter((e) => !this.delivered.has(e.id) && filter(e));
  }

  /** POSTs one event, signed like Stripe (optionally with another secret or timestamp, for the bad-input tests). */
  post(event: object, options: { secret?: string; timestamp?: number; body?: string } = {}) {
    const payload = options.body ?? JSON.stringify(event);
    const signature = signWebhook(JSON.stringify(event), options.secret ?? this.secret, options.timestamp);
    return request(this.api.server)
      .post('/webhooks/stripe')
      .set('content-type', 'application/json; charset=utf-8') // as Stripe sends it
      .set('stripe-signature', signature)
      .send(payload);
  }

  async deliver(events: GatewayEvent[]): Promise<void> {
    for (const event of events) {
      await this.post(event).expect(200);
      this.delivered.add(event.id);
    }
  }

  /** Processes every unprocessed inbox event once, in the given order; events that need state not there yet stay. */
  async process(order: 'received' | 'reverse' = 'received'): Promise<string[]> {
    const rows = await this.api.db.query<{ id: string }>(
      `SELECT id FROM commerce.webhook_event WHERE processed_at IS NULL ORDER BY received_at ${order === 'reverse' ? 'DESC' : 'ASC'}, id`,
    );
    const failures: string[] = [];
    for (const { id } of rows) {
      await this.api.app
        .get(ProcessEventJob)
        .handle({ eventId: id })
        .catch((error: Error) => failures.push(`${id}: ${error.message}`));
    }
    return failures;
  }

  /** Runs the money jobs: transfers (the service holds back what is not due), refunds, transfer reversals. */
  async runMoneyJobs(): Promise<void> {
    const splits = await this.api.db.query<{ order_id: string; line: number; recipient_id: string }>(
      `SELECT order_id, line, recipient_id FROM commerce.order_split s JOIN commerce."order" o ON o.id = s.order_id
        WHERE s.transfer_status IN ('SCHEDULED', 'WAITING_FOR_ACCOUNT', 'SENDING') AND o.paid_at IS NOT NULL
        ORDER BY order_id, line, recipient_id`, // the service itself keeps splits on hold until their time
    );
    for (const s of splits) await this.api.app.get(TransferService).run(s.order_id, s.recipient_id, s.line);
    for (const { id } of await this.api.db.query<{ id: string }>(
      `SELECT id FROM commerce.refund WHERE status = 'PENDING'`,
    )) {
      await this.api.app.get(RefundJob).handle({ refundId: id });
    }
    for (const { id } of await this.api.db.query<{ id: string }>(
      `SELECT id FROM commerce.reversal WHERE status = 'PENDING'`,
    )) {
      await this.api.app.get(ReverseTransferJob).handle({ reversalId: id });
    }
  }

  /** Delivers, processes and runs jobs until nothing moves any more. */
  async settle(): Promise<void> {
    for (let round = 0; round < 10; round += 1) {
      const events = await this.pending();
      await this.deliver(events);
      const failures = await this.process();
      await this.runMoneyJobs();
      if (!events.length && !failures.length && !(await this.pending()).length) return;
    }
    throw new Error(`payments did not settle: ${JSON.stringify(await this.process())}`);
  }

  /** Onboards a creator through the hosted onboarding page (and delivers the account.updated event). */
  async onboard(creator: TestUser, bank: 'succeeds' | 'fails' = 'succeeds'): Promise<string> {
    const result = await gql<{ startPayoutOnboarding: { url: string } }>(
      this.api.server,
      `mutation { startPayoutOnboarding { url } }`,
      {},
      creator.accessToken,
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    const path = new URL(result.data.startPayoutOnboarding.url).pathname;
    await request(this.api.server).post(`${path}/complete?bank=${bank}`).expect(303);
    await this.settle();
    const [row] = await this.api.db.query<{ provider_account_id: string }>(
      `SELECT provider_account_id FROM commerce.connected_account WHERE creator_id = $1`,
      [creator.id],
    );
    return row!.provider_account_id;
  }

  /** The ledger's invariants and the provider's agreement with it, after everything settled. */
  async assertBooks(): Promise<void> {
    const db = this.api.db;
    const unbalanced = await db.query(
      `SELECT transaction_id FROM ledger.entry GROUP BY transaction_id, currency HAVING sum(amount) <> 0`,
    );
    const drifted = await db.query(
      `SELECT a.code FROM ledger.account a LEFT JOIN ledger.entry e ON e.account_id = a.id
        WHERE a.balance IS NOT NULL GROUP BY a.id HAVING a.balance <> coalesce(sum(e.amount), 0)`,
    );
    // The platform's clearing account is its balance at the provider, to the cent.
    const clearing = await db.query<{ currency: string; total: string }>(
      `SELECT a.currency, coalesce(sum(e.amount), 0) AS total FROM ledger.account a
         LEFT JOIN ledger.entry e ON e.account_id = a.id WHERE a.purpose = 'PROVIDER_CLEARING' GROUP BY a.currency`,
    );
    const provider = await db.query<{ currency: string; available: string }>(
      `SELECT upper(currency) AS currency, available FROM local_gateway.balance WHERE account = 'platform'`,
    );
    const asMap = (rows: { currency: string; v: string }[]) =>
      Object.fromEntries(rows.filter((r) => Number(r.v) !== 0).map((r) => [r.currency, Number(r.v)]));
    expect({
      unbalanced,
      drifted,
      clearing: asMap(clearing.map((r) => ({ currency: r.currency, v: r.total }))),
    }).toEqual({
      unbalanced: [],
      drifted: [],
      clearing: asMap(provider.map((r) => ({ currency: r.currency, v: r.available }))),
    });
  }
}
