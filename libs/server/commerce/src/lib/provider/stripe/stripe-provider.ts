import Stripe from 'stripe';
import type {
  AccountState,
  CheckoutInput,
  CheckoutState,
  ConnectedAccountInput,
  RefundInput,
  TransferInput,
} from '../payment-provider';
import {
  accountStateOf,
  checkoutStateOf,
  PaymentProvider,
  ProviderRejectedError,
  ProviderUnavailableError,
} from '../payment-provider';

export interface StripeSettings {
  secretKey: string;
  /** Tests point the SDK at a local stub; production leaves these unset (api.stripe.com over HTTPS). */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  timeoutMs?: number;
}

const CHECKOUT_EXPAND = ['payment_intent.latest_charge.balance_transaction'];

/**
 * Stripe Connect with separate charges and transfers: buyers pay the platform through Checkout; each split of the
 * order is then transferred to its recipient's Express account with `source_transaction` and the order's transfer
 * group. The SDK does not retry by itself: the job queue retries with the same idempotency key.
 */
export class StripeProvider extends PaymentProvider {
  readonly name = 'stripe' as const;
  private readonly stripe: Stripe;

  constructor(settings: StripeSettings) {
    super();
    this.stripe = new Stripe(settings.secretKey, {
      host: settings.host,
      port: settings.port,
      protocol: settings.protocol,
      timeout: settings.timeoutMs ?? 20_000,
      maxNetworkRetries: 0,
      appInfo: { name: 'Lookbook' },
    });
  }

  createConnectedAccount(input: ConnectedAccountInput, idempotencyKey: string): Promise<AccountState> {
    return call(async () =>
      accountStateOf(
        await this.stripe.accounts.create(
          {
            type: 'express',
            ...(input.email ? { email: input.email } : {}),
            capabilities: { transfers: { requested: true } },
            metadata: { creator_id: input.creatorId },
          },
          { idempotencyKey },
        ),
      ),
    );
  }

  retrieveAccount(accountId: string): Promise<AccountState> {
    return call(async () => accountStateOf(await this.stripe.accounts.retrieve(accountId)));
  }

  createOnboardingLink(accountId: string, urls: { refreshUrl: string; returnUrl: string }): Promise<string> {
    return call(
      async () =>
        (
          await this.stripe.accountLinks.create({
            account: accountId,
            refresh_url: urls.refreshUrl,
            return_url: urls.returnUrl,
            type: 'account_onboarding',
          })
        ).url,
    );
  }

  createCheckoutSession(input: CheckoutInput, idempotencyKey: string): Promise<CheckoutState> {
    return call(async () =>
      checkoutStateOf(
        await this.stripe.checkout.sessions.create(
          {
            mode: 'payment',
            client_reference_id: input.orderId,
            ...(input.buyerEmail ? { customer_email: input.buyerEmail } : {}),
            // One line item per licence; Stripe charges their sum once (amount_total = the order's amount).
            line_items: input.lines.map((line) => ({
              quantity: 1,
              price_data: {
                currency: input.currency.toLowerCase(),
                unit_amount: line.amount,
                product_data: { name: line.name },
              },
            })),
            payment_intent_data: { transfer_group: input.transferGroup, metadata: { order_id: input.orderId } },
            metadata: { order_id: input.orderId },
            success_url: input.successUrl,
            cancel_url: input.cancelUrl,
            expires_at: Math.floor(input.expiresAt.getTime() / 1000),
          },
          { idempotencyKey },
        ),
      ),
    );
  }

  retrieveCheckoutSession(sessionId: string): Promise<CheckoutState> {
    return call(async () =>
      checkoutStateOf(await this.stripe.checkout.sessions.retrieve(sessionId, { expand: CHECKOUT_EXPAND })),
    );
  }

  createTransfer(input: TransferInput, idempotencyKey: string): Promise<{ id: string }> {
    return call(async () => {
      const transfer = await this.stripe.transfers.create(
        {
          amount: input.amount,
          currency: input.currency.toLowerCase(),
          destination: input.destination,
          transfer_group: input.transferGroup,
          source_transaction: input.sourceTransaction,
          metadata: input.metadata,
        },
        { idempotencyKey },
      );
      return { id: transfer.id };
    });
  }

  reverseTransfer(transferId: string, amount: number, idempotencyKey: string): Promise<{ id: string }> {
    return call(async () => {
      const reversal = await this.stripe.transfers.createReversal(transferId, { amount }, { idempotencyKey });
      return { id: reversal.id };
    });
  }

  createRefund(input: RefundInput, idempotencyKey: string): Promise<{ id: string; status: string }> {
    return call(async () => {
      const refund = await this.stripe.refunds.create(
        { payment_intent: input.paymentIntentId, amount: input.amount, metadata: input.metadata },
        { idempotencyKey },
      );
      return { id: refund.id, status: refund.status ?? 'pending' };
    });
  }
}

/** Maps the SDK's errors onto the port's two kinds: retry later, or give up. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      const retryable =
        error instanceof Stripe.errors.StripeConnectionError ||
        error instanceof Stripe.errors.StripeAPIError ||
        error instanceof Stripe.errors.StripeRateLimitError ||
        error instanceof Stripe.errors.StripeAuthenticationError || // a rotated key is fixed by config, not by giving up
        (error.statusCode ?? 0) >= 500 ||
        error.statusCode === 409; // idempotent request still in flight
      if (retryable) throw new ProviderUnavailableError(`Stripe unavailable: ${error.message}`);
      throw new ProviderRejectedError(error.message, error.code);
    }
    throw error;
  }
}
