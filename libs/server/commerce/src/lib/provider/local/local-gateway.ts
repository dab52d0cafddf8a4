import { Inject, Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG, Transactions, publicBaseUrl } from '@lookbook/core';
import type {
  AccountState,
  CheckoutInput,
  CheckoutState,
  ConnectedAccountInput,
  RefundInput,
  TransferInput,
} from '../payment-provider';
import { accountStateOf, checkoutStateOf, PaymentProvider } from '../payment-provider';
import type { StripeObject } from './local-gateway.repository';
import { LocalGatewayRepository, PLATFORM_ACCOUNT, rejected, stripeId } from './local-gateway.repository';

const ONBOARDING_REQUIREMENTS = ['external_account', 'tos_acceptance.date', 'individual.verification.document'];

/**
 * The embedded payment provider for `npm start` and tests: the provider API our code calls (connected accounts,
 * checkout sessions, transfers, reversals, refunds) on Stripe's object model, with idempotency keys and simulated
 * balances; every change is announced as a Stripe-shaped event, signed like Stripe's and delivered to the same webhook
 * route. What happens at the provider on its own lives in `LocalGatewaySimulator`. Refused in production.
 */
@Injectable()
export class LocalGateway extends PaymentProvider {
  readonly name = 'local' as const;

  constructor(
    private readonly books: LocalGatewayRepository,
    private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** Configuration already refuses this; the gateway refuses too, in case a caller builds it by hand. */
  static assertAllowed(config: AppConfig): void {
    if (config.isProduction) throw new Error('The local payment gateway refuses to run with NODE_ENV=production');
  }

  private get baseUrl() {
    return `${publicBaseUrl(this.config)}/local-gateway`;
  }

  // ---- connected accounts -------------------------------------------------------------------------------------

  async createConnectedAccount(input: ConnectedAccountInput, idempotencyKey: string): Promise<AccountState> {
    const account = await this.books.idempotent(idempotencyKey, undefined, (manager) =>
      this.books.put(manager, {
        id: stripeId('acct'),
        object: 'account',
        type: 'express',
        email: input.email ?? null,
        charges_enabled: false,
        payouts_enabled: false,
        details_submitted: false,
        capabilities: { transfers: 'inactive' },
        requirements: {
          currently_due: ONBOARDING_REQUIREMENTS,
          past_due: [],
          disabled_reason: 'requirements.past_due',
        },
        metadata: { creator_id: input.creatorId, payouts_fail: 'false' },
        created: this.books.nowSeconds(),
      }),
    );
    return accountStateOf(account as unknown as Stripe.Account);
  }

  async retrieveAccount(accountId: string): Promise<AccountState> {
    return accountStateOf((await this.books.require(undefined, accountId, 'account')) as unknown as Stripe.Account);
  }

  async createOnboardingLink(accountId: string, urls: { refreshUrl: string; returnUrl: string }): Promise<string> {
    await this.books.require(undefined, accountId, 'account');
    const link = await this.transactions.run((manager) =>
      this.books.put(manager, {
        id: stripeId('acctlink'),
        object: 'account_link',
        account: accountId,
        refresh_url: urls.refreshUrl,
        return_url: urls.returnUrl,
        created: this.books.nowSeconds(),
        expires_at: this.books.nowSeconds() + 300,
      }),
    );
    return `${this.baseUrl}/onboarding/${link.id}`;
  }

  // ---- checkout -----------------------------------------------------------------------------------------------

  async createCheckoutSession(input: CheckoutInput, idempotencyKey: string): Promise<CheckoutState> {
    // Like Stripe, the session charges the sum of its line items (the order's amount, if the order is right).
    const amount = input.lines.reduce((sum, line) => sum + line.amount, 0);
    const session = await this.books.idempotent(idempotencyKey, undefined, async (manager) => {
      const intent = await this.books.put(manager, {
        id: stripeId('pi'),
        object: 'payment_intent',
        amount,
        currency: input.currency.toLowerCase(),
        status: 'requires_payment_method',
        latest_charge: null,
        last_payment_error: null,
        transfer_group: input.transferGroup,
        metadata: { order_id: input.orderId },
        created: this.books.nowSeconds(),
      });
      const id = stripeId('cs_test');
      return this.books.put(manager, {
        id,
        object: 'checkout.session',
        mode: 'payment',
        client_reference_id: input.orderId,
        customer_email: input.buyerEmail ?? null,
        amount_subtotal: amount,
        amount_total: amount,
        currency: input.currency.toLowerCase(),
        line_items: input.lines.map((line) => ({ description: line.name, quantity: 1, amount_total: line.amount })),
        payment_intent: intent.id,
        payment_status: 'unpaid',
        status: 'open',
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
        url: `${this.baseUrl}/checkout/${id}`,
        expires_at: Math.floor(input.expiresAt.getTime() / 1000),
        metadata: { order_id: input.orderId },
        created: this.books.nowSeconds(),
      });
    });
    return this.checkoutState(session);
  }

  async retrieveCheckoutSession(sessionId: string): Promise<CheckoutState> {
    return this.checkoutState(await this.books.require(undefined, sessionId, 'checkout.session'));
  }

  /** The session as Stripe returns it with `payment_intent.latest_charge.balance_transaction` expanded. */
  private async checkoutState(session: StripeObject): Promise<CheckoutState> {
    const intent = await this.books.get(undefined, String(session['payment_intent']));
    const charge = intent?.['latest_charge']
      ? await this.books.get(undefined, intent['latest_charge'] as string)
      : null;
    const balance = charge ? await this.books.get(undefined, String(charge['balance_transaction'])) : null;
    const expanded = {
      ...session,
      payment_intent: intent && { ...intent, latest_charge: charge && { ...charge, balance_transaction: balance } },
    };
    return checkoutStateOf(expanded as unknown as Stripe.Checkout.Session);
  }

  // ---- money movements ----------------------------------------------------------------------------------------

  async createTransfer(input: TransferInput, idempotencyKey: string): Promise<{ id: string }> {
    const transfer = await this.books.idempotent(idempotencyKey, undefined, async (manager) => {
      const destination = await this.books.require(manager, input.destination, 'account');
      if (!destination['payouts_enabled']) {
        throw rejected('account_invalid', 'The destination account cannot receive transfers yet');
      }
      const charge = await this.books.require(manager, input.sourceTransaction, 'charge', true);
      const sent = await this.books.transferredFrom(manager, charge.id);
      const exceeds = sent + input.amount > Number(charge['amount']);
      if (String(charge['currency']) !== input.currency.toLowerCase() || exceeds) {
        throw rejected('transfer_source_mismatch', 'The transfers exceed or mismatch their source transaction');
      }
      const currency = input.currency.toLowerCase();
      await this.books.adjust(manager, PLATFORM_ACCOUNT, currency, -input.amount, true);
      await this.books.adjust(manager, destination.id, currency, input.amount);
      const created = await this.books.put(manager, {
        id: stripeId('tr'),
        object: 'transfer',
        amount: input.amount,
        amount_reversed: 0,
        currency,
        destination: destination.id,
        source_transaction: charge.id,
        transfer_group: input.transferGroup,
        reversed: false,
        metadata: input.metadata,
        created: this.books.nowSeconds(),
      });
      await this.books.emit(manager, 'transfer.created', created);
      return created;
    });
    return { id: transfer.id };
  }

  async reverseTransfer(transferId: string, amount: number, idempotencyKey: string): Promise<{ id: string }> {
    const reversal = await this.books.idempotent(idempotencyKey, undefined, async (manager) => {
      const transfer = await this.books.require(manager, transferId, 'transfer', true);
      const reversed = Number(transfer['amount_reversed']) + amount;
      if (amount <= 0 || reversed > Number(transfer['amount'])) {
        throw rejected('amount_too_large', 'The reversal exceeds what is left of the transfer');
      }
      const currency = String(transfer['currency']);
      // Balances always in the same order (platform, then connected account) so concurrent moves cannot deadlock.
      // The connected account must still hold the money (a creator who was paid out cannot be reversed).
      await this.books.adjust(manager, PLATFORM_ACCOUNT, currency, amount, true);
      await this.books.adjust(manager, String(transfer['destination']), currency, -amount);
      const created = await this.books.put(manager, {
        id: stripeId('trr'),
        object: 'transfer_reversal',
        amount,
        currency,
        transfer: transfer.id,
        created: this.books.nowSeconds(),
      });
      const updated = await this.books.put(manager, {
        ...transfer,
        amount_reversed: reversed,
        reversed: reversed === Number(transfer['amount']),
      });
      await this.books.emit(manager, 'transfer.reversed', updated);
      return created;
    });
    return { id: reversal.id };
  }

  async createRefund(input: RefundInput, idempotencyKey: string): Promise<{ id: string; status: string }> {
    const refund = await this.books.idempotent(idempotencyKey, undefined, async (manager) => {
      const intent = await this.books.require(manager, input.paymentIntentId, 'payment_intent');
      if (!intent['latest_charge']) throw rejected('charge_not_captured', 'This payment has not been made');
      const charge = await this.books.require(manager, intent['latest_charge'] as string, 'charge', true);
      if (charge['disputed']) throw rejected('charge_disputed', 'This charge is disputed: it cannot be refunded');
      const refunded = Number(charge['amount_refunded']) + input.amount;
      if (input.amount <= 0 || refunded > Number(charge['amount'])) {
        throw rejected('amount_too_large', 'The refund exceeds what is left of the charge');
      }
      const currency = String(charge['currency']);
      await this.books.adjust(manager, PLATFORM_ACCOUNT, currency, -input.amount, true);
      const created = await this.books.put(manager, {
        id: stripeId('re'),
        object: 'refund',
        amount: input.amount,
        charge: charge.id,
        payment_intent: intent.id,
        currency,
        status: 'succeeded',
        metadata: input.metadata,
        created: this.books.nowSeconds(),
      });
      const updated = await this.books.put(manager, {
        ...charge,
        amount_refunded: refunded,
        refunded: refunded === Number(charge['amount']),
      });
      await this.books.emit(manager, 'charge.refunded', updated);
      return created;
    });
    return { id: refund.id, status: String(refund['status']) };
  }
}
