import { Injectable } from '@nestjs/common';
import type { PurchaseQuote } from '@lookbook/licensing';
import { RoyaltyLineage } from '@lookbook/templates';
import type { SplitPlan } from '../money/split-plan';

/**
 * Who is paid for a sale: the platform fee, then the royalty cascade over the sold subject's lineage (the IP owner,
 * every ancestor's author by their declared shares, the seller). Without a lineage the seller takes the rest. The
 * order records the plan, so the ledger postings, transfers, refunds and disputes follow every recipient.
 */
@Injectable()
export class RoyaltyShares {
  constructor(private readonly lineage: RoyaltyLineage) {}

  planFor(quote: PurchaseQuote, platformFeeBps: number): Promise<SplitPlan> {
    return this.lineage.planFor(quote.modelId, quote.sellerId, quote.price, platformFeeBps);
  }
}
