import type { Money } from '@lookbook/kernel';
import { allocate, ValidationError } from '@lookbook/kernel';

export const BPS = 10_000;

/** Who shares in a sale besides the platform: the seller, and upstream along the lineage (IP owner, remix parents). */
export const SPLIT_ROLES = ['SELLER', 'IP_OWNER', 'REMIX_PARENT'] as const;
export type SplitRole = (typeof SPLIT_ROLES)[number];

export interface SplitShare {
  recipientId: string;
  role: SplitRole;
  /** Share of what is left after the platform fee, in basis points; all shares sum to 10,000. */
  shareBps: number;
}

export interface SplitPlan {
  price: Money;
  platformFee: Money;
  parts: { recipientId: string; role: SplitRole; amount: Money }[];
}

const invalid = (code: string, message: string) => new ValidationError(code, message);

/**
 * Splits a price between the platform (its fee) and any number of recipients. One largest-remainder allocation over
 * all parties at once, so the parts always sum exactly to the price, each is within one minor unit of its exact share,
 * and the same input always gives the same plan (ties go to the earlier party: the platform, then the listed order).
 */
export function splitPlan(price: Money, platformFeeBps: number, shares: readonly SplitShare[]): SplitPlan {
  if (!Number.isSafeInteger(price.amount) || price.amount <= 0) {
    throw invalid('INVALID_PRICE', 'A sale has a positive price in whole minor units');
  }
  if (!Number.isInteger(platformFeeBps) || platformFeeBps < 0 || platformFeeBps > BPS) {
    throw invalid('INVALID_PLATFORM_FEE', 'The platform fee is 0–10,000 basis points');
  }
  if (!shares.length) throw invalid('INVALID_SPLIT', 'A sale has at least one recipient');
  if (new Set(shares.map((s) => s.recipientId)).size !== shares.length) {
    throw invalid('INVALID_SPLIT', 'Each recipient appears once (add their shares together)');
  }
  if (shares.some((s) => !Number.isInteger(s.shareBps) || s.shareBps <= 0)) {
    throw invalid('INVALID_SPLIT', 'Shares are positive whole basis points');
  }
  if (shares.reduce((sum, s) => sum + s.shareBps, 0) !== BPS) {
    throw invalid('INVALID_SPLIT', 'Shares sum to 10,000 basis points');
  }
  // Weights in units of 1/10,000 of a basis point: exact for the fee and for every share of the remainder.
  const [fee, ...parts] = allocate(price, [
    platformFeeBps * BPS,
    ...shares.map((s) => (BPS - platformFeeBps) * s.shareBps),
  ]);
  return {
    price,
    platformFee: fee!,
    parts: shares.map((s, i) => ({ recipientId: s.recipientId, role: s.role, amount: parts[i]! })),
  };
}
