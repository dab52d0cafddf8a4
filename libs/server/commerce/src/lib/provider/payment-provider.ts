import type Stripe from 'stripe';

/**
 * The payment provider port. Two adapters implement it: Stripe (production) and the local gateway (the embedded
 * default). Both speak Stripe's object model and send Stripe-shaped, Stripe-signed webhook events, so everything above
 * this port is the same code whichever runs.
 *
 * Every call that moves money takes a deterministic idempotency key (`order:<id>:split:<recipient>`, `refund:<id>`…):
 * retrying after a timeout or a crash repeats the request, never the effect.
 */
export abstract class PaymentProvider {
  abstract readonly name: 'stripe' | 'local';

  abstract createConnectedAccount(input: ConnectedAccountInput, idempotencyKey: string): Promise<AccountState>;
  abstract retrieveAccount(accountId: string): Promise<AccountState>;
  /** A short-lived link to the provider's onboarding (or dashboard update) flow. */
  abstract createOnboardingLink(accountId: string, urls: { refreshUrl: string; returnUrl: string }): Promise<string>;

  abstract createCheckoutSession(input: CheckoutInput, idempotencyKey: string): Promise<CheckoutState>;
  abstract retrieveCheckoutSession(sessionId: string): Promise<CheckoutState>;

  abstract createTransfer(input: TransferInput, idempotencyKey: string): Promise<{ id: string }>;
  abstract reverseTransfer(transferId: string, amount: number, idempotencyKey: string): Promise<{ id: string }>;
  abstract createRefund(input: RefundInput, idempotencyKey: string): Promise<{ id: string; status: string }>;
}

export interface ConnectedAccountInput {
  creatorId: string;
  email?: string;
}

export interface AccountState {
  id: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirementsDue: string[];
}

export interface CheckoutInput {
  orderId: string;
  /** The total: the sum of the lines. */
  amount: number;
  currency: string;
  /** One line item per licence (Stripe Checkout `line_items`), in the order's line order; one charge for all. */
  lines: { name: string; amount: number }[];
  buyerEmail?: string;
  /** Separate charges and transfers: one transfer group per order. */
  transferGroup: string;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
}

export interface CheckoutState {
  id: string;
  url: string | null;
  orderId: string | null;
  /** open | complete | expired (Stripe may add values: anything else is treated as not paid). */
  status: string;
  /** paid | unpaid | no_payment_required */
  paymentStatus: string;
  amount: number | null;
  currency: string;
  paymentIntentId: string | null;
  chargeId: string | null;
  /** What the provider kept for processing the payment (known once paid). */
  processorFee: number | null;
  expiresAt: Date;
}

export interface TransferInput {
  amount: number;
  currency: string;
  destination: string;
  transferGroup: string;
  /** The charge the money comes from: the transfer succeeds even before the charge's funds are available. */
  sourceTransaction: string;
  metadata: Record<string, string>;
}

export interface RefundInput {
  paymentIntentId: string;
  amount: number;
  metadata: Record<string, string>;
}

/** The provider refused the request for good (validation, insufficient funds…); retrying with the same key cannot help. */
export class ProviderRejectedError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** The provider could not be reached or failed (timeout, 5xx, rate limit): retry with the same idempotency key. */
export class ProviderUnavailableError extends Error {}

export type ProviderEvent = Stripe.Event;

export const accountStateOf = (account: Stripe.Account): AccountState => ({
  id: account.id,
  chargesEnabled: !!account.charges_enabled,
  payoutsEnabled: !!account.payouts_enabled,
  detailsSubmitted: !!account.details_submitted,
  requirementsDue: [...(account.requirements?.currently_due ?? []), ...(account.requirements?.past_due ?? [])],
});

export function checkoutStateOf(session: Stripe.Checkout.Session): CheckoutState {
  const intent = typeof session.payment_intent === 'object' ? session.payment_intent : null;
  const charge = intent && typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  const balance = charge && typeof charge.balance_transaction === 'object' ? charge.balance_transaction : null;
  return {
    id: session.id,
    url: session.url,
    orderId: session.client_reference_id,
    status: String(session.status ?? 'open'),
    paymentStatus: String(session.payment_status),
    amount: session.amount_total,
    currency: (session.currency ?? '').toUpperCase(),
    paymentIntentId: typeof session.payment_intent === 'string' ? session.payment_intent : (intent?.id ?? null),
    chargeId: typeof intent?.latest_charge === 'string' ? intent.latest_charge : (charge?.id ?? null),
    processorFee: balance ? balance.fee : null,
    expiresAt: new Date(session.expires_at * 1000),
  };
}
