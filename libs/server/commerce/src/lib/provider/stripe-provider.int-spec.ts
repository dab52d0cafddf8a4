import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { REFERENCE_DIR, referenceAvailable } from '@lookbook/testing';
import { ProviderRejectedError, ProviderUnavailableError } from './payment-provider';
import { StripeProvider } from './stripe-provider';

/**
 * The Stripe adapter against a local HTTP stub that plays Stripe: it answers with Stripe's own example objects (the
 * reference fixtures, when present beside the checkout) and records every request, so the tests assert exactly what
 * we send — paths, amounts, currencies, destinations, transfer groups, source transactions, idempotency keys — and how
 * we behave when Stripe fails or times out.
 */
type Resource = Record<string, unknown>;
const FIXTURES: Record<string, Resource> = referenceAvailable('stripe')
  ? (
      JSON.parse(readFileSync(join(REFERENCE_DIR, 'stripe', 'fixtures3.json'), 'utf8')) as {
        resources: Record<string, Resource>;
      }
    ).resources
  : {};
/** Minimal shapes when the reference fixtures are absent (CI without ../shared): the request assertions still run. */
const shape = (name: string, minimal: Resource): Resource => ({ ...minimal, ...(FIXTURES[name] ?? {}) });

interface Recorded {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  form: Record<string, string>;
}

class StripeStub {
  readonly requests: Recorded[] = [];
  /** Responses by idempotency key, as Stripe keeps them: a replay gets the first answer and creates nothing. */
  private readonly byKey = new Map<string, { status: number; body: Resource }>();
  readonly created: Resource[] = [];
  /** Faults to play on the next matching requests. */
  faults: { path: RegExp; kind: 'http500' | 'slow-after-effect'; remaining: number }[] = [];
  private server!: Server;

  async start(): Promise<number> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const url = new URL(req.url!, 'http://stub');
    const record: Recorded = {
      method: req.method!,
      path: url.pathname + (url.search ? url.search : ''),
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      authorization: req.headers['authorization'],
      form: Object.fromEntries(new URLSearchParams(raw)),
    };
    this.requests.push(record);
    const fault = this.faults.find((f) => f.remaining > 0 && f.path.test(url.pathname));
    if (fault?.kind === 'http500') {
      fault.remaining -= 1;
      return this.send(res, 500, { error: { type: 'api_error', message: 'Something went wrong on Stripe’s end' } });
    }
    const replay = record.idempotencyKey && this.byKey.get(`${record.path}:${record.idempotencyKey}`);
    if (replay) return this.send(res, replay.status, replay.body);
    const answer = this.answer(record);
    if (record.idempotencyKey) this.byKey.set(`${record.path}:${record.idempotencyKey}`, answer);
    if (fault?.kind === 'slow-after-effect') {
      // Stripe did the work, but the answer never arrives in time.
      fault.remaining -= 1;
      await new Promise((r) => setTimeout(r, 1500));
    }
    return this.send(res, answer.status, answer.body);
  }

  private answer({ method, path, form }: Recorded): { status: number; body: Resource } {
    const create = (body: Resource) => {
      this.created.push(body);
      return { status: 200, body };
    };
    if (method === 'POST' && path === '/v1/accounts') {
      return create({
        ...shape('account', { object: 'account' }),
        id: 'acct_stub1',
        charges_enabled: false,
        payouts_enabled: false,
        details_submitted: false,
      });
    }
    if (method === 'GET' && path.startsWith('/v1/accounts/')) {
      return {
        status: 200,
        body: {
          ...shape('account', { object: 'account' }),
          id: path.split('/')[3],
          payouts_enabled: true,
          charges_enabled: true,
          details_submitted: true,
          requirements: { currently_due: [], past_due: [] },
        },
      };
    }
    if (method === 'POST' && path === '/v1/account_links') {
      return create({
        ...shape('account_link', { object: 'account_link' }),
        url: 'https://connect.stripe.com/setup/e/acct_stub1/abc',
      });
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      return create({
        ...shape('checkout.session', { object: 'checkout.session' }),
        id: 'cs_test_stub1',
        url: 'https://checkout.stripe.com/c/pay/cs_test_stub1',
        client_reference_id: form['client_reference_id'],
        amount_total: Number(form['line_items[0][price_data][unit_amount]']),
        currency: form['line_items[0][price_data][currency]'],
        status: 'open',
        payment_status: 'unpaid',
        payment_intent: null,
        expires_at: Number(form['expires_at']),
      });
    }
    if (method === 'GET' && path.startsWith('/v1/checkout/sessions/')) {
      const base = shape('checkout.session', { object: 'checkout.session' });
      return {
        status: 200,
        body: {
          ...base,
          id: 'cs_test_stub1',
          client_reference_id: '0190a5b0-0000-7000-8000-0000000000aa',
          status: 'complete',
          payment_status: 'paid',
          amount_total: 4900,
          currency: 'eur',
          expires_at: 1_900_000_000,
          payment_intent: {
            ...shape('payment_intent', { object: 'payment_intent' }),
            id: 'pi_stub1',
            latest_charge: {
              ...shape('charge', { object: 'charge' }),
              id: 'ch_stub1',
              balance_transaction: {
                ...shape('balance_transaction', { object: 'balance_transaction' }),
                id: 'txn_stub1',
                fee: 172,
              },
            },
          },
        },
      };
    }
    if (method === 'POST' && path === '/v1/transfers') {
      return create({
        ...shape('transfer', { object: 'transfer' }),
        id: `tr_stub${this.created.length}`,
        amount: Number(form['amount']),
        destination: form['destination'],
      });
    }
    if (method === 'POST' && /^\/v1\/transfers\/[^/]+\/reversals$/.test(path)) {
      return create({
        ...shape('transfer_reversal', { object: 'transfer_reversal' }),
        id: 'trr_stub1',
        amount: Number(form['amount']),
      });
    }
    if (method === 'POST' && path === '/v1/refunds') {
      if (Number(form['amount']) > 4900) {
        return {
          status: 400,
          body: {
            error: {
              type: 'invalid_request_error',
              code: 'amount_too_large',
              message: 'Refund amount is greater than unrefunded amount on charge',
            },
          },
        };
      }
      return create({
        ...shape('refund', { object: 'refund' }),
        id: 're_stub1',
        amount: Number(form['amount']),
        status: 'succeeded',
      });
    }
    return {
      status: 404,
      body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } },
    };
  }

  private send(res: ServerResponse, status: number, body: Resource) {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${this.requests.length}` });
    res.end(JSON.stringify(body));
  }
}

describe('Stripe adapter at the HTTP boundary (local stub with Stripe’s object shapes)', () => {
  const stub = new StripeStub();
  let stripe: StripeProvider;

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
  beforeEach(() => {
    stub.requests.length = 0;
    stub.created.length = 0;
    stub.faults = [];
  });

  it('creates Express accounts and onboarding links', async () => {
    const account = await stripe.createConnectedAccount({ creatorId: 'c1' }, 'connect:c1');
    expect(account).toEqual({
      id: 'acct_stub1',
      chargesEnabled: false,
      payoutsEnabled: false,
      detailsSubmitted: false,
      requirementsDue: expect.any(Array),
    });
    const url = await stripe.createOnboardingLink('acct_stub1', {
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
      account: 'acct_stub1',
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
        itemName: 'Look — v1 (commercial licence)',
        transferGroup: 'order:o1',
        successUrl: 'https://l.test/s',
        cancelUrl: 'https://l.test/c',
        expiresAt,
      },
      'order:o1',
    );
    expect(session).toMatchObject({
      id: 'cs_test_stub1',
      url: 'https://checkout.stripe.com/c/pay/cs_test_stub1',
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

  it('reads a paid session with its charge and processing fee expanded', async () => {
    const state = await stripe.retrieveCheckoutSession('cs_test_stub1');
    expect(state).toMatchObject({
      status: 'complete',
      paymentStatus: 'paid',
      paymentIntentId: 'pi_stub1',
      chargeId: 'ch_stub1',
      processorFee: 172,
      amount: 4900,
      currency: 'EUR',
    });
    expect(stub.requests[0]!.path).toBe(
      '/v1/checkout/sessions/cs_test_stub1?expand[0]=payment_intent.latest_charge.balance_transaction',
    );
  });

  it('transfers a split with destination, group, source transaction and the split’s key', async () => {
    const transfer = await stripe.createTransfer(
      {
        amount: 4410,
        currency: 'EUR',
        destination: 'acct_stub1',
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
      destination: 'acct_stub1',
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
      destination: 'acct_stub1',
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
      destination: 'acct_stub1',
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
    const refused = stripe.createRefund({ paymentIntentId: 'pi_stub1', amount: 99_999, metadata: {} }, 'refund:r2');
    await expect(refused).rejects.toBeInstanceOf(ProviderRejectedError);
    await expect(refused).rejects.toMatchObject({ code: 'amount_too_large' });
  });

  (referenceAvailable('stripe') ? it : it.skip)(
    // skipped only when ../shared/reference/stripe is absent
    'parses Stripe’s own example objects (reference fixtures) through the same mappers',
    async () => {
      expect(FIXTURES['transfer']).toMatchObject({ object: 'transfer' });
      const account = await stripe.retrieveAccount('acct_fixture');
      expect(account).toMatchObject({ id: 'acct_fixture', payoutsEnabled: true, requirementsDue: [] });
      expect(Object.keys(FIXTURES['checkout.session']!)).toEqual(
        expect.arrayContaining(['client_reference_id', 'payment_intent', 'payment_status', 'amount_total']),
      );
    },
  );
});
