import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { REFERENCE_DIR, referenceAvailable } from './reference-files';

type Resource = Record<string, unknown>;

/** Stripe's own example objects (`../shared/reference/stripe/fixtures3.json`), when present beside the checkout. */
export const STRIPE_FIXTURES: Record<string, Resource> = referenceAvailable('stripe')
  ? (
      JSON.parse(readFileSync(join(REFERENCE_DIR, 'stripe', 'fixtures3.json'), 'utf8')) as {
        resources: Record<string, Resource>;
      }
    ).resources
  : {};

/** Stripe's example object of that type with our values on top (minimal shapes when the fixtures are absent). */
const shaped = (name: string, values: Resource): Resource => ({
  ...(STRIPE_FIXTURES[name] ?? {}),
  object: name,
  ...values,
});

export interface StripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  form: Record<string, string>;
}

export type StripeFault = { path: RegExp; kind: 'http500' | 'slow-after-effect'; remaining: number };

/**
 * A local HTTP server that plays the parts of Stripe's API that Lookbook calls, answering with Stripe's own object
 * shapes. It records every request (form fields flattened as the SDK sends them), keeps Stripe's idempotency
 * semantics (a repeated key returns the first answer and creates nothing), and can fail on purpose (a 500, or an
 * answer that arrives after the client gave up — with the effect done).
 */
export class StripeStub {
  readonly requests: StripeRequest[] = [];
  /** Every object a request created (replays excluded). */
  readonly created: Resource[] = [];
  readonly accounts = new Map<string, Resource>();
  readonly sessions = new Map<string, Resource>();
  faults: StripeFault[] = [];
  private readonly byKey = new Map<string, { status: number; body: Resource }>();
  private server!: Server;
  private counter = 0;

  async start(): Promise<number> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.requests.length = 0;
    this.created.length = 0;
    this.faults = [];
  }

  /** The cardholder paid this session (what Stripe's hosted checkout does). */
  pay(sessionId: string, fee = 0): { paymentIntent: string; charge: string } {
    const session = this.sessions.get(sessionId)!;
    const paymentIntent = `pi_stub${++this.counter}`;
    const charge = `ch_stub${++this.counter}`;
    const amount = Number(session['amount_total']);
    this.sessions.set(sessionId, {
      ...session,
      status: 'complete',
      payment_status: 'paid',
      payment_intent: shaped('payment_intent', {
        id: paymentIntent,
        amount,
        latest_charge: shaped('charge', {
          id: charge,
          amount,
          balance_transaction: shaped('balance_transaction', { id: `txn_stub${++this.counter}`, fee }),
        }),
      }),
    });
    return { paymentIntent, charge };
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const url = new URL(req.url!, 'http://stub');
    const record: StripeRequest = {
      method: req.method!,
      path: url.pathname + url.search,
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
    const keyed = record.idempotencyKey && `${record.method} ${url.pathname}:${record.idempotencyKey}`;
    const replay = keyed && this.byKey.get(keyed);
    if (replay) return this.send(res, replay.status, replay.body);
    const answer = this.answer(record, url.pathname);
    if (keyed) this.byKey.set(keyed, answer);
    if (fault?.kind === 'slow-after-effect') {
      fault.remaining -= 1;
      await new Promise((r) => setTimeout(r, 1500)); // Stripe did the work; the answer comes too late
    }
    return this.send(res, answer.status, answer.body);
  }

  private create(body: Resource): { status: number; body: Resource } {
    this.created.push(body);
    return { status: 200, body };
  }

  private answer({ method, form }: StripeRequest, path: string): { status: number; body: Resource } {
    const next = () => ++this.counter;
    if (method === 'POST' && path === '/v1/accounts') {
      const account = shaped('account', {
        id: `acct_stub${next()}`,
        type: form['type'],
        charges_enabled: false,
        payouts_enabled: false,
        details_submitted: false,
        requirements: { currently_due: ['external_account'], past_due: [] },
        metadata: { creator_id: form['metadata[creator_id]'] },
      });
      this.accounts.set(String(account['id']), account);
      return this.create(account);
    }
    if (method === 'GET' && path.startsWith('/v1/accounts/')) {
      const account = this.accounts.get(path.split('/')[3]!);
      return account ? { status: 200, body: account } : this.missing('account', path);
    }
    if (method === 'POST' && path === '/v1/account_links') {
      return this.create(
        shaped('account_link', { url: `https://connect.stripe.com/setup/e/${form['account']}/stub${next()}` }),
      );
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const id = `cs_test_stub${next()}`;
      const session = shaped('checkout.session', {
        id,
        url: `https://checkout.stripe.com/c/pay/${id}`,
        client_reference_id: form['client_reference_id'],
        // Like Stripe: the session's total is the sum of its line items (unit amount × quantity).
        amount_total: Object.keys(form)
          .filter((k) => /^line_items\[\d+\]\[price_data\]\[unit_amount\]$/.test(k))
          .reduce(
            (sum, k) => sum + Number(form[k]) * Number(form[k.replace(/\[price_data\].*$/, '[quantity]')] ?? 1),
            0,
          ),
        currency: form['line_items[0][price_data][currency]'],
        status: 'open',
        payment_status: 'unpaid',
        payment_intent: null,
        expires_at: Number(form['expires_at']),
      });
      this.sessions.set(id, session);
      return this.create(session);
    }
    if (method === 'GET' && path.startsWith('/v1/checkout/sessions/')) {
      const session = this.sessions.get(path.split('/')[4]!);
      return session ? { status: 200, body: session } : this.missing('checkout.session', path);
    }
    if (method === 'POST' && path === '/v1/transfers') {
      return this.create(
        shaped('transfer', {
          id: `tr_stub${next()}`,
          amount: Number(form['amount']),
          currency: form['currency'],
          destination: form['destination'],
          source_transaction: form['source_transaction'],
          transfer_group: form['transfer_group'],
        }),
      );
    }
    if (method === 'POST' && /^\/v1\/transfers\/[^/]+\/reversals$/.test(path)) {
      return this.create(shaped('transfer_reversal', { id: `trr_stub${next()}`, amount: Number(form['amount']) }));
    }
    if (method === 'POST' && path === '/v1/refunds') {
      if (Number(form['amount']) > 100_000) {
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
      return this.create(
        shaped('refund', { id: `re_stub${next()}`, amount: Number(form['amount']), status: 'succeeded' }),
      );
    }
    return this.missing('URL', `${method} ${path}`);
  }

  private missing(what: string, where: string) {
    return {
      status: 404,
      body: {
        error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}: ${where}` },
      },
    };
  }

  private send(res: ServerResponse, status: number, body: Resource) {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${this.requests.length}` });
    res.end(JSON.stringify(body));
  }
}
