/**
 * An order's life, in one place: its statuses, which changes are allowed, and what a refund leaves it as.
 *
 * PENDING ─paid→ PAID ─refund→ PARTIALLY_REFUNDED / REFUNDED
 *    │                └─dispute→ DISPUTED ─won→ (back to what refunds made it) / ─lost→ DISPUTE_LOST
 *    └─expired / superseded→ EXPIRED / CANCELLED ─paid anyway→ PAID
 */
export const ORDER_STATUSES = [
  'PENDING',
  'PAID',
  'EXPIRED',
  'CANCELLED',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
  'DISPUTED',
  'DISPUTE_LOST',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Orders whose money was received (even if some or all of it went back since). */
export const PAID_STATUSES: readonly OrderStatus[] = [
  'PAID',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
  'DISPUTED',
  'DISPUTE_LOST',
];

/** Orders a refund may be requested on. */
export const REFUNDABLE_STATUSES: readonly OrderStatus[] = ['PAID', 'PARTIALLY_REFUNDED'];

const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING: ['PAID', 'EXPIRED', 'CANCELLED'],
  PAID: ['PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED'],
  PARTIALLY_REFUNDED: ['PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED'],
  DISPUTED: ['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTE_LOST'],
  REFUNDED: [],
  DISPUTE_LOST: [],
  // A checkout that expired or was superseded can still be paid (the buyer had it open): it is honoured or refunded.
  EXPIRED: ['PAID'],
  CANCELLED: ['PAID'],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A status change the rules do not allow is a bug, never a user error: refuse it loudly. */
export function assertTransition(from: OrderStatus, to: OrderStatus): OrderStatus {
  if (!canTransition(from, to)) throw new Error(`order status cannot go from ${from} to ${to}`);
  return to;
}

/** What the provider's refunds so far make of a paid order (pending refunds excluded). */
export function statusAfterRefunds(amount: number, refunded: number): 'PAID' | 'PARTIALLY_REFUNDED' | 'REFUNDED' {
  return refunded >= amount ? 'REFUNDED' : refunded > 0 ? 'PARTIALLY_REFUNDED' : 'PAID';
}

/** A dispute's outcome decides a disputed order's status; a refund meanwhile only records itself. */
export const isDisputed = (status: OrderStatus): boolean => status === 'DISPUTED' || status === 'DISPUTE_LOST';

/**
 * A line's status: the order's while it is unpaid or disputed (the payment and a dispute are the whole charge's),
 * otherwise what the provider has refunded of the line makes it.
 */
export function lineStatus(order: OrderStatus, lineAmount: number, lineRefunded: number): OrderStatus {
  if (!PAID_STATUSES.includes(order) || isDisputed(order)) return order;
  return statusAfterRefunds(lineAmount, lineRefunded);
}
