import { Injectable } from '@nestjs/common';
import type { PurchaseQuote } from '@lookbook/licensing';
import type { SplitShare } from '../money/split-plan';

/**
 * Who shares in a sale after the platform fee. Today the seller takes it all; the templates work adds the IP owner's
 * and remix parents' shares along the lineage here — the split plan, ledger postings and transfers already handle any
 * number of recipients.
 */
@Injectable()
export class RoyaltyShares {
  sharesFor(quote: PurchaseQuote): Promise<SplitShare[]> {
    return Promise.resolve([{ recipientId: quote.sellerId, role: 'SELLER', shareBps: 10_000 }]);
  }
}
