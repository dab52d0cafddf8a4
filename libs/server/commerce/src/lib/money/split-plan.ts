import type { Money } from '@lookbook/kernel';

/** Who shares in a sale besides the platform: the seller, and upstream along the lineage (IP owner, remix parents). */
export const SPLIT_ROLES = ['SELLER', 'IP_OWNER', 'REMIX_PARENT'] as const;
export type SplitRole = (typeof SPLIT_ROLES)[number];

/**
 * A sale's split, as an order records it: the platform fee and each recipient's amount, summing exactly to the price
 * (computed by the royalty cascade in `@lookbook/templates`, one largest-remainder allocation over all parties).
 */
export interface SplitPlan {
  price: Money;
  platformFee: Money;
  parts: { recipientId: string; role: SplitRole; amount: Money; shareBps: number }[];
}
