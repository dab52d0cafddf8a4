import { Injectable } from '@nestjs/common';
import type { ConnectionArgs, Page } from '@lookbook/core';
import { mapPage } from '@lookbook/core';
import type { UserSummary } from '@lookbook/identity';
import { IdentityFacade } from '@lookbook/identity';
import { LedgerService } from '@lookbook/ledger';
import { Books } from '../money/books';
import type { OrderSplitEntity } from '../orders/order-split.entity';
import type { OrderEntity } from '../orders/order.entity';
import { OrderRepository } from '../orders/order.repository';
import type { PayoutEntity } from '../payouts/payout.entity';
import { PayoutRepository } from '../payouts/payout.repository';
import { EarningsRepository } from './earnings.repository';

/** One sale as its recipients see it: the order, every split of it, and the recipients' public profiles. */
export interface SaleRecord {
  order: OrderEntity;
  splits: OrderSplitEntity[];
  users: Map<string, UserSummary>;
}

/** A creator's money in one currency. */
export interface CreatorBalance {
  currency: string;
  /** Owed by the platform and not transferred yet (negative: a debt from clawbacks after payout). */
  pending: number;
  /** Transferred to the creator's payout account and not on its way to the bank. */
  available: number;
  paidOut: number;
  lifetimeEarnings: number;
}

/** What creators earn: the per-sale breakdown, balances per currency, and payouts to their banks. */
@Injectable()
export class EarningsService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly earnings: EarningsRepository,
    private readonly payouts: PayoutRepository,
    private readonly ledger: LedgerService,
    private readonly identity: IdentityFacade,
  ) {}

  /** Sales that pay this creator (as seller or upstream), with every split of each. Three queries per page. */
  async salesOf(recipientId: string, args: ConnectionArgs): Promise<Page<SaleRecord>> {
    const page = await this.orders.pagePaidForRecipient(recipientId, args, (o) => o);
    const splits = await this.orders.splitsOfOrders(page.nodes.map((o) => o.id));
    const users = new Map(
      (await this.identity.usersByIds([...new Set(splits.map((s) => s.recipientId))])).map((u) => [u.id, u]),
    );
    return mapPage(page, (order) => ({ order, splits: splits.filter((s) => s.orderId === order.id), users }));
  }

  /**
   * Per currency: pending = what the platform owes and has not transferred (the payable account; negative is a debt),
   * available = transferred to the payout account and not paid out to the bank, paid out = reached the bank.
   */
  async balances(creatorId: string): Promise<CreatorBalance[]> {
    const totals = await this.earnings.totals(creatorId);
    return Promise.all(
      totals.map(async (t) => ({
        currency: t.currency,
        pending: -(await this.ledger.balance(Books.payable(creatorId, t.currency))),
        available: t.transferred - t.paidOut - t.inFlight,
        paidOut: t.paidOut,
        lifetimeEarnings: t.earned,
      })),
    );
  }

  payoutsOf(creatorId: string, args: ConnectionArgs): Promise<Page<PayoutEntity>> {
    return this.payouts.pageForCreator(creatorId, args, (p) => p);
  }
}
