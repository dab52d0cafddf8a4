import { isUuid } from '@lookbook/kernel';

/** A line of an order, as its external names see it: line 1 is named like an order before lines existed. */
const lineScope = (orderId: string, line: number) =>
  line === 1 ? `order:${orderId}` : `order:${orderId}:line:${line}`;

/**
 * Every external name of an order, built (and parsed) here only: the provider's idempotency keys and transfer group,
 * the licences' order references and the ledger's posting references. A retry always rebuilds the same name, so the
 * provider and the ledger see the same request and the effect happens once.
 *
 * An order's lines are named by their position. Line 1 keeps the names orders had when an order was one licence
 * (`order:<id>`, `order:<id>:split:<recipient>`…), so no order created before lines existed is ever renamed; line n ≥ 2
 * is `order:<id>:line:<n>…`.
 */
export const OrderRefs = {
  /** The checkout session's idempotency key (a double click or a retry finds the same session). */
  checkout: (orderId: string) => `order:${orderId}`,
  /** Separate charges and transfers: the order's one charge and every transfer of it carry the order's group. */
  transferGroup: (orderId: string) => `order:${orderId}`,
  /** The order a transfer group names, or null (not ours). */
  orderOfTransferGroup(group: unknown): string | null {
    const id = typeof group === 'string' && group.startsWith('order:') ? group.slice('order:'.length) : null;
    return id && isUuid(id) ? id : null;
  },
  /** The licence a paid line grants (one per line: a replayed fulfilment returns the first). */
  license: (orderId: string, line: number) => lineScope(orderId, line),
  /** Ledger: the sale itself (all lines, one posting), and what the processor kept. */
  paid: (orderId: string) => `order:${orderId}:paid`,
  processorFee: (orderId: string) => `order:${orderId}:processor-fee`,
  /** `order:<id>[:line:<n>]:split:<recipient>`; a new attempt after the provider refused for good gets a new key. */
  transfer: (split: { orderId: string; line: number; recipientId: string; transferAttempt: number }) =>
    `${lineScope(split.orderId, split.line)}:split:${split.recipientId}${split.transferAttempt ? `:attempt:${split.transferAttempt}` : ''}`,
  /** A refund's idempotency key, and the cause its clawback is posted under. */
  refund: (refundId: string) => `refund:${refundId}`,
  /** The ledger references of a dispute's three moments. */
  disputeOpened: (disputeId: string) => `dispute:${disputeId}:opened`,
  disputeWon: (disputeId: string) => `dispute:${disputeId}:won`,
  disputeLost: (disputeId: string) => `dispute:${disputeId}:lost`,
  /** Taking one recipient's part of one line back for a cause (a refund or a lost dispute). */
  reversal: (cause: string, line: number, recipientId: string) =>
    `${cause}${line === 1 ? '' : `:line:${line}`}:reverse:${recipientId}`,
};
