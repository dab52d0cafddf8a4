import { Inject, Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG } from '@lookbook/core';
import type {
  AccountState,
  CheckoutInput,
  CheckoutState,
  ConnectedAccountInput,
  RefundInput,
  TransferInput,
} from '../provider/payment-provider';
import { accountStateOf, checkoutStateOf, PaymentProvider } from '../provider/payment-provider';
import type { StripeObject } from './local-gateway.store';
import { LocalGatewayStore, PLATFORM_ACCOUNT, rejected, stripeId } from './local-gateway.store';

/** What a test card does when the buyer confirms on the local checkout page. */
export type TestCard = 'succeeds' | 'declined' | 'disputed';

/** Stripe's standard pricing, so local fees look like real ones: 2.9 % + 30 minor units. */
export const localProcessorFee = (amount: number) => Math.round(amount * 0.029) + 30;

const ONBOARDING_REQUIREMENTS = ['external_account', 'tos_acceptance.date', 'individual.verification.document'];

/**
 * The embedded payment provider for `npm start` and tests. It keeps Stripe's object model (sessions, payment intents,
 * charges, connected accounts, transfers, reversals, refunds, disputes, payouts), honours idempotency keys, moves
 * simulated balances, and announces every change as a Stripe-shaped event signed like Stripe's and delivered to the
 * same webhook route. It refuses to exist in production.
 */
@Injectable()
export class LocalGateway extends PaymentProvider {
  readonly name = 'local' as const;

  constructor(
    private readonly store: LocalGatewayStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** Configuration already refuses this; the gateway refuses too, in case a caller builds it by hand. */
  static assertAllowed(config: AppConfig): void {
    if (config.isProduction) throw new Error('The local payment gateway refuses to run with NODE_ENV=production');
  }

  private get baseUrl() {
    return `${this.config.http.publicUrl}/local-gateway`;
  }

  // ---- connected accounts -------------------------------------------------------------------------------------

  async createConnectedAccount(input: ConnectedAccountInput, idempotencyKey: string): Promise<AccountState> {
    const account = await this.store.idempotent(idempotencyKey, undefined, (manager) =>
      this.store.put(manager, {
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
        created: this.store.nowSeconds(),
      }),
    );
    return accountStateOf(account as unknown as Stripe.Account);
  }

  async retrieveAccount(accountId: string): Promise<AccountState> {
    return accountStateOf((await this.store.require(undefined, accountId, 'account')) as unknown as Stripe.Account);
  }

  async createOnboardingLink(accountId: string, urls: { refreshUrl: string; returnUrl: string }): Promise<string> {
    await this.store.require(undefined, accountId, 'account');
    const link = await this.store.transaction((manager) =>
      this.store.put(manager, {
        id: stripeId('acctlink'),
        object: 'account_link',
        account: accountId,
        refresh_url: urls.refreshUrl,
        return_url: urls.returnUrl,
        created: this.store.nowSeconds(),
        expires_at: this.store.nowSeconds() + 300,
      }),
    );
    return `${this.baseUrl}/onboarding/${link.id}`;
  }

  /** The onboarding page's submit: the account can now receive transfers (and its test bank may refuse payouts). */
  async completeOnboarding(linkId: string, bank: 'succeeds' | 'fails'): Promise<string> {
    const link = await this.store.require(undefined, linkId, 'account_link');
    if (Number(link['expires_at']) < this.store.nowSeconds()) return String(link['refresh_url']);
    await this.store.transaction(async (manager) => {
      const account = await this.store.require(manager, String(link['account']), 'account', true);
      const updated = await this.store.put(manager, {
        ...account,
        charges_enabled: true,
        payouts_enabled: true,
        details_submitted: true,
        capabilities: { transfers: 'active' },
        requirements: { currently_due: [], past_due: [], disabled_reason: null },
        metadata: { ...(account['metadata'] as object), payouts_fail: String(bank === 'fails') },
      });
      await this.store.emit(manager, 'account.updated', updated, account.id);
    });
    return String(link['return_url']);
  }

  // ---- checkout -----------------------------------------------------------------------------------------------

  async createCheckoutSession(input: CheckoutInput, idempotencyKey: string): Promise<CheckoutState> {
    const session = await this.store.idempotent(idempotencyKey, undefined, async (manager) => {
      const intent = await this.store.put(manager, {
        id: stripeId('pi'),
        object: 'payment_intent',
        amount: input.amount,
        currency: input.currency.toLowerCase(),
        status: 'requires_payment_method',
        latest_charge: null,
        last_payment_error: null,
        transfer_group: input.transferGroup,
        metadata: { order_id: input.orderId },
        created: this.store.nowSeconds(),
      });
      const id = stripeId('cs_test');
      return this.store.put(manager, {
        id,
        object: 'checkout.session',
        mode: 'payment',
        client_reference_id: input.orderId,
        customer_email: input.buyerEmail ?? null,
        amount_subtotal: input.amount,
        amount_total: input.amount,
        currency: input.currency.toLowerCase(),
        line_items: [{ description: input.itemName, quantity: 1, amount_total: input.amount }],
        payment_intent: intent.id,
        payment_status: 'unpaid',
        status: 'open',
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
        url: `${this.baseUrl}/checkout/${id}`,
        expires_at: Math.floor(input.expiresAt.getTime() / 1000),
        metadata: { order_id: input.orderId },
        created: this.store.nowSeconds(),
      });
    });
    return this.checkoutState(session);
  }

  async retrieveCheckoutSession(sessionId: string): Promise<CheckoutState> {
    return this.checkoutState(await this.store.require(undefined, sessionId, 'checkout.session'));
  }

  /** The session as Stripe returns it with `payment_intent.latest_charge.balance_transaction` expanded. */
  private async checkoutState(session: StripeObject): Promise<CheckoutState> {
    const intent = await this.store.get(undefined, String(session['payment_intent']));
    const charge = intent?.['latest_charge']
      ? await this.store.get(undefined, intent['latest_charge'] as string)
      : null;
    const balance = charge ? await this.store.get(undefined, String(charge['balance_transaction'])) : null;
    const expanded = {
      ...session,
      payment_intent: intent && { ...intent, latest_charge: charge && { ...charge, balance_transaction: balance } },
    };
    return checkoutStateOf(expanded as unknown as Stripe.Checkout.Session);
  }

  /** The buyer confirmed on the checkout page with a test card. Returns where to send the buyer. */
  async confirmCheckout(sessionId: string, card: TestCard): Promise<{ redirect: string; outcome: string }> {
    return this.store.transaction(async (manager) => {
      const session = await this.store.require(manager, sessionId, 'checkout.session', true);
      if (session['status'] !== 'open') {
        return { redirect: String(session['success_url']), outcome: `This checkout is ${String(session['status'])}` };
      }
      if (Number(session['expires_at']) < this.store.nowSeconds()) {
        await this.expire(manager, session);
        return { redirect: String(session['cancel_url']), outcome: 'This checkout expired' };
      }
      const intent = await this.store.require(manager, String(session['payment_intent']), 'payment_intent', true);
      if (card === 'declined') {
        const failed = await this.store.put(manager, {
          ...intent,
          status: 'requires_payment_method',
          last_payment_error: {
            code: 'card_declined',
            decline_code: 'generic_decline',
            message: 'Your card was declined.',
          },
        });
        await this.store.emit(manager, 'payment_intent.payment_failed', failed);
        return { redirect: String(session['url']), outcome: 'Your card was declined.' };
      }
      const amount = Number(session['amount_total']);
      const currency = String(session['currency']);
      const fee = localProcessorFee(amount);
      const chargeId = stripeId('ch');
      const balanceTransaction = await this.store.put(manager, {
        id: stripeId('txn'),
        object: 'balance_transaction',
        amount,
        fee,
        net: amount - fee,
        currency,
        source: chargeId,
        type: 'charge',
        created: this.store.nowSeconds(),
      });
      const charge = await this.store.put(manager, {
        id: chargeId,
        object: 'charge',
        amount,
        amount_captured: amount,
        amount_refunded: 0,
        currency,
        paid: true,
        captured: true,
        refunded: false,
        disputed: false,
        status: 'succeeded',
        payment_intent: intent.id,
        balance_transaction: balanceTransaction.id,
        transfer_group: intent['transfer_group'],
        metadata: {},
        test_card: card,
        created: this.store.nowSeconds(),
      });
      await this.store.put(manager, {
        ...intent,
        status: 'succeeded',
        latest_charge: charge.id,
        last_payment_error: null,
      });
      const completed = await this.store.put(manager, { ...session, status: 'complete', payment_status: 'paid' });
      await this.store.adjust(manager, PLATFORM_ACCOUNT, currency, amount - fee, true);
      await this.store.emit(manager, 'checkout.session.completed', completed);
      if (card === 'disputed') await this.openDispute(manager, charge);
      return { redirect: String(session['success_url']), outcome: 'Payment succeeded' };
    });
  }

  /** The buyer left the checkout page: the session stays open until it expires, as on Stripe. */
  async cancelUrl(sessionId: string): Promise<string> {
    return String((await this.store.require(undefined, sessionId, 'checkout.session'))['cancel_url']);
  }

  /** Expires open sessions past their time (the worker calls this on a schedule; tests may pass `force`). */
  async expireSessions(options: { sessionId?: string; force?: boolean } = {}): Promise<number> {
    const open = options.sessionId
      ? [await this.store.require(undefined, options.sessionId, 'checkout.session')]
      : await this.store.find('checkout.session', { path: 'status', equals: 'open' });
    let expired = 0;
    for (const candidate of open) {
      if (!options.force && Number(candidate['expires_at']) >= this.store.nowSeconds()) continue;
      await this.store.transaction(async (manager) => {
        const session = await this.store.require(manager, candidate.id, 'checkout.session', true);
        if (session['status'] !== 'open') return;
        await this.expire(manager, session);
        expired += 1;
      });
    }
    return expired;
  }

  private async expire(manager: EntityManager, session: StripeObject) {
    const expired = await this.store.put(manager, { ...session, status: 'expired', url: null });
    await this.store.emit(manager, 'checkout.session.expired', expired);
  }

  // ---- money movements ----------------------------------------------------------------------------------------

  async createTransfer(input: TransferInput, idempotencyKey: string): Promise<{ id: string }> {
    const transfer = await this.store.idempotent(idempotencyKey, undefined, async (manager) => {
      const destination = await this.store.require(manager, input.destination, 'account');
      if (!destination['payouts_enabled']) {
        throw rejected('account_invalid', 'The destination account cannot receive transfers yet');
      }
      const charge = await this.store.require(manager, input.sourceTransaction, 'charge', true);
      const [{ sent }] = (await manager.query<{ sent: string }[]>(
        `SELECT coalesce(sum((body->>'amount')::bigint), 0) AS sent FROM local_gateway.object
          WHERE type = 'transfer' AND body->>'source_transaction' = $1`,
        [charge.id],
      )) as [{ sent: string }];
      const exceeds = Number(sent) + input.amount > Number(charge['amount']);
      if (String(charge['currency']) !== input.currency.toLowerCase() || exceeds) {
        throw rejected('transfer_source_mismatch', 'The transfers exceed or mismatch their source transaction');
      }
      const currency = input.currency.toLowerCase();
      await this.store.adjust(manager, PLATFORM_ACCOUNT, currency, -input.amount, true);
      await this.store.adjust(manager, destination.id, currency, input.amount);
      const created = await this.store.put(manager, {
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
        created: this.store.nowSeconds(),
      });
      await this.store.emit(manager, 'transfer.created', created);
      return created;
    });
    return { id: transfer.id };
  }

  async reverseTransfer(transferId: string, amount: number, idempotencyKey: string): Promise<{ id: string }> {
    const reversal = await this.store.idempotent(idempotencyKey, undefined, async (manager) => {
      const transfer = await this.store.require(manager, transferId, 'transfer', true);
      const reversed = Number(transfer['amount_reversed']) + amount;
      if (amount <= 0 || reversed > Number(transfer['amount'])) {
        throw rejected('amount_too_large', 'The reversal exceeds what is left of the transfer');
      }
      const currency = String(transfer['currency']);
      // Balances always in the same order (platform, then connected account) so concurrent moves cannot deadlock.
      // The connected account must still hold the money (a creator who was paid out cannot be reversed).
      await this.store.adjust(manager, PLATFORM_ACCOUNT, currency, amount, true);
      await this.store.adjust(manager, String(transfer['destination']), currency, -amount);
      const created = await this.store.put(manager, {
        id: stripeId('trr'),
        object: 'transfer_reversal',
        amount,
        currency,
        transfer: transfer.id,
        created: this.store.nowSeconds(),
      });
      const updated = await this.store.put(manager, {
        ...transfer,
        amount_reversed: reversed,
        reversed: reversed === Number(transfer['amount']),
      });
      await this.store.emit(manager, 'transfer.reversed', updated);
      return created;
    });
    return { id: reversal.id };
  }

  async createRefund(input: RefundInput, idempotencyKey: string): Promise<{ id: string; status: string }> {
    const refund = await this.store.idempotent(idempotencyKey, undefined, async (manager) => {
      const intent = await this.store.require(manager, input.paymentIntentId, 'payment_intent');
      if (!intent['latest_charge']) throw rejected('charge_not_captured', 'This payment has not been made');
      const charge = await this.store.require(manager, intent['latest_charge'] as string, 'charge', true);
      if (charge['disputed']) throw rejected('charge_disputed', 'This charge is disputed: it cannot be refunded');
      const refunded = Number(charge['amount_refunded']) + input.amount;
      if (input.amount <= 0 || refunded > Number(charge['amount'])) {
        throw rejected('amount_too_large', 'The refund exceeds what is left of the charge');
      }
      const currency = String(charge['currency']);
      await this.store.adjust(manager, PLATFORM_ACCOUNT, currency, -input.amount, true);
      const created = await this.store.put(manager, {
        id: stripeId('re'),
        object: 'refund',
        amount: input.amount,
        charge: charge.id,
        payment_intent: intent.id,
        currency,
        status: 'succeeded',
        metadata: input.metadata,
        created: this.store.nowSeconds(),
      });
      const updated = await this.store.put(manager, {
        ...charge,
        amount_refunded: refunded,
        refunded: refunded === Number(charge['amount']),
      });
      await this.store.emit(manager, 'charge.refunded', updated);
      return created;
    });
    return { id: refund.id, status: String(refund['status']) };
  }

  // ---- simulations the real provider does on its own --------------------------------------------------------------

  /** Pays out a connected account's whole available balance to its (test) bank account, like Stripe's daily payout. */
  async payOut(accountId: string, currencies = ['eur', 'usd', 'gbp']): Promise<string[]> {
    const ids: string[] = [];
    for (const currency of currencies) {
      await this.store.transaction(async (manager) => {
        const account = await this.store.require(manager, accountId, 'account', true);
        const available = await this.store.balance(accountId, currency);
        if (available <= 0) return;
        const fails = (account['metadata'] as Record<string, string>)['payouts_fail'] === 'true';
        await this.store.adjust(manager, accountId, currency, -available);
        const payout = await this.store.put(
          manager,
          {
            id: stripeId('po'),
            object: 'payout',
            amount: available,
            currency,
            arrival_date: this.store.nowSeconds() + 86_400,
            automatic: true,
            status: fails ? 'failed' : 'paid',
            failure_code: fails ? 'account_closed' : null,
            failure_message: fails ? 'The bank account has been closed.' : null,
            created: this.store.nowSeconds(),
          },
          accountId,
        );
        // A failed payout returns its funds to the connected balance.
        if (fails) await this.store.adjust(manager, accountId, currency, available);
        await this.store.emit(manager, fails ? 'payout.failed' : 'payout.paid', payout, accountId);
        ids.push(payout.id);
      });
    }
    return ids;
  }

  /** Pays out every connected account (the worker's schedule). */
  async payOutAll(): Promise<void> {
    for (const account of await this.store.find('account', { path: 'payouts_enabled', equals: 'true' })) {
      await this.payOut(account.id);
    }
  }

  /** The cardholder disputes a charge (also what the "disputed" test card does right after paying). */
  async dispute(chargeId: string): Promise<string> {
    return this.store.transaction(async (manager) =>
      this.openDispute(manager, await this.store.require(manager, chargeId, 'charge', true)),
    );
  }

  private async openDispute(manager: EntityManager, charge: StripeObject): Promise<string> {
    const amount = Number(charge['amount']) - Number(charge['amount_refunded']);
    if (charge['disputed'] || amount <= 0) throw rejected('charge_already_disputed', 'Nothing left to dispute');
    const currency = String(charge['currency']);
    await this.store.adjust(manager, PLATFORM_ACCOUNT, currency, -amount, true);
    const dispute = await this.store.put(manager, {
      id: stripeId('dp'),
      object: 'dispute',
      amount,
      currency,
      charge: charge.id,
      payment_intent: charge['payment_intent'],
      reason: 'fraudulent',
      status: 'needs_response',
      created: this.store.nowSeconds(),
    });
    await this.store.put(manager, { ...charge, disputed: true });
    await this.store.emit(manager, 'charge.dispute.created', dispute);
    return dispute.id;
  }

  /** The card network decides: won returns the money to the platform, lost keeps it with the cardholder. */
  async closeDispute(disputeId: string, outcome: 'won' | 'lost'): Promise<void> {
    await this.store.transaction(async (manager) => {
      const dispute = await this.store.require(manager, disputeId, 'dispute', true);
      if (dispute['status'] === 'won' || dispute['status'] === 'lost') return;
      if (outcome === 'won') {
        await this.store.adjust(
          manager,
          PLATFORM_ACCOUNT,
          String(dispute['currency']),
          Number(dispute['amount']),
          true,
        );
      }
      const closed = await this.store.put(manager, { ...dispute, status: outcome });
      await this.store.emit(manager, 'charge.dispute.closed', closed);
    });
  }
}
