import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '@lookbook/core';
import type { StripeObject } from './local-gateway.repository';
import { LocalGatewayRepository, PLATFORM_ACCOUNT, rejected, stripeId } from './local-gateway.repository';

/** What a test card does when the buyer confirms on the local checkout page. */
export type TestCard = 'succeeds' | 'declined' | 'disputed';

/** Stripe's standard pricing, so local fees look like real ones: 2.9 % + 30 minor units. */
export const localProcessorFee = (amount: number) => Math.round(amount * 0.029) + 30;

/**
 * What happens at the provider without our asking: the buyer pays (or not) on the hosted checkout page, the creator
 * finishes onboarding, sessions expire, balances are paid out to banks, cardholders dispute and card networks decide.
 * Every change is announced as a Stripe-shaped event, like the real provider's.
 */
@Injectable()
export class LocalGatewaySimulator {
  constructor(
    private readonly books: LocalGatewayRepository,
    private readonly transactions: Transactions,
  ) {}

  /** The onboarding page's submit: the account can now receive transfers (and its test bank may refuse payouts). */
  async completeOnboarding(linkId: string, bank: 'succeeds' | 'fails'): Promise<string> {
    const link = await this.books.require(undefined, linkId, 'account_link');
    if (Number(link['expires_at']) < this.books.nowSeconds()) return String(link['refresh_url']);
    await this.transactions.run(async (manager) => {
      const account = await this.books.require(manager, String(link['account']), 'account', true);
      const updated = await this.books.put(manager, {
        ...account,
        charges_enabled: true,
        payouts_enabled: true,
        details_submitted: true,
        capabilities: { transfers: 'active' },
        requirements: { currently_due: [], past_due: [], disabled_reason: null },
        metadata: { ...(account['metadata'] as object), payouts_fail: String(bank === 'fails') },
      });
      await this.books.emit(manager, 'account.updated', updated, account.id);
    });
    return String(link['return_url']);
  }

  /** The buyer confirmed on the checkout page with a test card. Returns where to send the buyer. */
  async confirmCheckout(sessionId: string, card: TestCard): Promise<{ redirect: string; outcome: string }> {
    return this.transactions.run(async (manager) => {
      const session = await this.books.require(manager, sessionId, 'checkout.session', true);
      if (session['status'] !== 'open') {
        return { redirect: String(session['success_url']), outcome: `This checkout is ${String(session['status'])}` };
      }
      if (Number(session['expires_at']) < this.books.nowSeconds()) {
        await this.expire(manager, session);
        return { redirect: String(session['cancel_url']), outcome: 'This checkout expired' };
      }
      const intent = await this.books.require(manager, String(session['payment_intent']), 'payment_intent', true);
      if (card === 'declined') {
        const failed = await this.books.put(manager, {
          ...intent,
          status: 'requires_payment_method',
          last_payment_error: {
            code: 'card_declined',
            decline_code: 'generic_decline',
            message: 'Your card was declined.',
          },
        });
        await this.books.emit(manager, 'payment_intent.payment_failed', failed);
        return { redirect: String(session['url']), outcome: 'Your card was declined.' };
      }
      const amount = Number(session['amount_total']);
      const currency = String(session['currency']);
      const fee = localProcessorFee(amount);
      const chargeId = stripeId('ch');
      const balanceTransaction = await this.books.put(manager, {
        id: stripeId('txn'),
        object: 'balance_transaction',
        amount,
        fee,
        net: amount - fee,
        currency,
        source: chargeId,
        type: 'charge',
        created: this.books.nowSeconds(),
      });
      const charge = await this.books.put(manager, {
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
        created: this.books.nowSeconds(),
      });
      await this.books.put(manager, {
        ...intent,
        status: 'succeeded',
        latest_charge: charge.id,
        last_payment_error: null,
      });
      const completed = await this.books.put(manager, { ...session, status: 'complete', payment_status: 'paid' });
      await this.books.adjust(manager, PLATFORM_ACCOUNT, currency, amount - fee, true);
      await this.books.emit(manager, 'checkout.session.completed', completed);
      if (card === 'disputed') await this.openDispute(manager, charge);
      return { redirect: String(session['success_url']), outcome: 'Payment succeeded' };
    });
  }

  /** Expires open sessions past their time (the worker calls this on a schedule; tests may pass `force`). */
  async expireSessions(options: { sessionId?: string; force?: boolean } = {}): Promise<number> {
    const open = options.sessionId
      ? [await this.books.require(undefined, options.sessionId, 'checkout.session')]
      : await this.books.find('checkout.session', { path: 'status', equals: 'open' });
    let expired = 0;
    for (const candidate of open) {
      if (!options.force && Number(candidate['expires_at']) >= this.books.nowSeconds()) continue;
      await this.transactions.run(async (manager) => {
        const session = await this.books.require(manager, candidate.id, 'checkout.session', true);
        if (session['status'] !== 'open') return;
        await this.expire(manager, session);
        expired += 1;
      });
    }
    return expired;
  }

  private async expire(manager: EntityManager, session: StripeObject) {
    const expired = await this.books.put(manager, { ...session, status: 'expired', url: null });
    await this.books.emit(manager, 'checkout.session.expired', expired);
  }

  /** Pays out a connected account's whole available balance to its (test) bank account, like Stripe's daily payout. */
  async payOut(accountId: string): Promise<string[]> {
    const ids: string[] = [];
    for (const currency of await this.books.currenciesOf(accountId)) {
      await this.transactions.run(async (manager) => {
        const account = await this.books.require(manager, accountId, 'account', true);
        const available = await this.books.balance(accountId, currency);
        if (available <= 0) return;
        const fails = (account['metadata'] as Record<string, string>)['payouts_fail'] === 'true';
        await this.books.adjust(manager, accountId, currency, -available);
        const payout = await this.books.put(
          manager,
          {
            id: stripeId('po'),
            object: 'payout',
            amount: available,
            currency,
            arrival_date: this.books.nowSeconds() + 86_400,
            automatic: true,
            status: fails ? 'failed' : 'paid',
            failure_code: fails ? 'account_closed' : null,
            failure_message: fails ? 'The bank account has been closed.' : null,
            created: this.books.nowSeconds(),
          },
          accountId,
        );
        // A failed payout returns its funds to the connected balance.
        if (fails) await this.books.adjust(manager, accountId, currency, available);
        await this.books.emit(manager, fails ? 'payout.failed' : 'payout.paid', payout, accountId);
        ids.push(payout.id);
      });
    }
    return ids;
  }

  /** Pays out every connected account (the worker's schedule). */
  async payOutAll(): Promise<void> {
    for (const account of await this.books.find('account', { path: 'payouts_enabled', equals: 'true' })) {
      await this.payOut(account.id);
    }
  }

  /** The cardholder disputes a charge (also what the "disputed" test card does right after paying). */
  async dispute(chargeId: string): Promise<string> {
    return this.transactions.run(async (manager) =>
      this.openDispute(manager, await this.books.require(manager, chargeId, 'charge', true)),
    );
  }

  private async openDispute(manager: EntityManager, charge: StripeObject): Promise<string> {
    const amount = Number(charge['amount']) - Number(charge['amount_refunded']);
    if (charge['disputed'] || amount <= 0) throw rejected('charge_already_disputed', 'Nothing left to dispute');
    const currency = String(charge['currency']);
    await this.books.adjust(manager, PLATFORM_ACCOUNT, currency, -amount, true);
    const dispute = await this.books.put(manager, {
      id: stripeId('dp'),
      object: 'dispute',
      amount,
      currency,
      charge: charge.id,
      payment_intent: charge['payment_intent'],
      reason: 'fraudulent',
      status: 'needs_response',
      created: this.books.nowSeconds(),
    });
    await this.books.put(manager, { ...charge, disputed: true });
    await this.books.emit(manager, 'charge.dispute.created', dispute);
    return dispute.id;
  }

  /** The card network decides: won returns the money to the platform, lost keeps it with the cardholder. */
  async closeDispute(disputeId: string, outcome: 'won' | 'lost'): Promise<void> {
    await this.transactions.run(async (manager) => {
      const dispute = await this.books.require(manager, disputeId, 'dispute', true);
      if (dispute['status'] === 'won' || dispute['status'] === 'lost') return;
      if (outcome === 'won') {
        await this.books.adjust(
          manager,
          PLATFORM_ACCOUNT,
          String(dispute['currency']),
          Number(dispute['amount']),
          true,
        );
      }
      const closed = await this.books.put(manager, { ...dispute, status: outcome });
      await this.books.emit(manager, 'charge.dispute.closed', closed);
    });
  }
}
