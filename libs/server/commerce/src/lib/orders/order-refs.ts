import { isUuid } from '@lookbook/kernel';

/**
 * Every external name of an order, built (and parsed) here only: the provider's idempotency keys and transfer group,
 * the licence's order reference and the ledger's posting references. A retry always rebuilds the same name, so the
 * provider and the ledger see the same request and the effect happens once.
 */
export const OrderRefs = {
  /** The checkout session's idempotency key (a double click or a retry finds the same session). */
  checkout: (orderId: string) => `order:${orderId}`,
  /** Separate charges and transfers: the order's charge and every transfer of it carry the order's group. */
  transferGroup: (orderId: string) => `order:${orderId}`,
  /** The order a transfer group names, or null (not ours). */
  orderOfTransferGroup(group: unknown): string | null {
    const id = typeof group === 'string' && group.startsWith('order:') ? group.slice('order:'.length) : null;
    return id && isUuid(id) ? id : null;
  },
  /** The licence a paid order grants (one per order: a replayed fulfilment returns the first). */
  license: (orderId: string) => `order:${orderId}`,
  /** Ledger: the sale itself, and what the processor kept. */
  paid: (orderId: string) => `order:${orderId}:paid`,
  processorFee: (orderId: string) => `order:${orderId}:processor-fee`,
  /** `order:<id>:split:<recipient>`; a new attempt after the provider refused for good gets a new key. */
  transfer: (split: { orderId: string; recipientId: string; transferAttempt: number }) =>
    `order:${split.orderId}:split:${split.recipientId}${split.transferAttempt ? `:attempt:${split.transferAttempt}` : ''}`,
  /** A refund's idempotency key, and the cause its clawback is posted under. */
  refund: (refundId: string) => `refund:${refundId}`,
  /** The ledger references of a dispute's three moments. */
  disputeOpened: (disputeId: string) => `dispute:${disputeId}:opened`,
  disputeWon: (disputeId: string) => `dispute:${disputeId}:won`,
  disputeLost: (disputeId: string) => `dispute:${disputeId}:lost`,
  /** Taking one recipient's part back for a cause (a refund or a lost dispute). */
  reversal: (cause: string, recipientId: string) => `${cause}:reverse:${recipientId}`,
};
