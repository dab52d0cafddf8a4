import { Injectable } from '@nestjs/common';
import type { ConnectionArgs, Page } from '@lookbook/core';
import { Clock, mapPage } from '@lookbook/core';
import { CommerceErrors } from '../commerce.errors';
import type { UserSummary } from '@lookbook/identity';
import { IdentityFacade } from '@lookbook/identity';
import { LedgerService } from '@lookbook/ledger';
import { Books } from '../money/books';
import type { OrderLineEntity } from '../orders/order-line.entity';
import type { OrderSplitEntity } from '../orders/order-split.entity';
import type { OrderEntity } from '../orders/order.entity';
import { OrderRepository } from '../orders/order.repository';
import type { PayoutEntity } from '../payouts/payout.entity';
import { PayoutRepository } from '../payouts/payout.repository';
import { RefundRepository } from '../refunds/refund.repository';
import { EarningsRepository } from './earnings.repository';

/** One sale (an order line) as its recipients see it: the order, the line, every split of it, who they are. */
export interface SaleRecord {
  order: OrderEntity;
  line: OrderLineEntity;
  splits: OrderSplitEntity[];
  users: Map<string, UserSummary>;
  /** Whose earnings these are: their own split is "your share". */
  viewerId: string;
  /** What the provider has refunded of the line. */
  refunded: number;
}

/** One currency's earnings for the viewer, one entry per UTC day (zero on days without sales), oldest first. */
export interface EarningsSeries {
  currency: string;
  total: number;
  days: { day: string; amount: number }[];
}

/** The longest earnings-by-day window. */
export const MAX_EARNINGS_DAYS = 366;
const DAY_MS = 86_400_000;

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
    private readonly refunds: RefundRepository,
    private readonly ledger: LedgerService,
    private readonly identity: IdentityFacade,
    private readonly clock: Clock,
  ) {}

  /**
   * Sales (order lines) that pay this creator, as seller or upstream, with every split of each: five queries per
   * page whatever its length (lines, their orders, splits, refunds, payees).
   */
  async salesOf(recipientId: string, args: ConnectionArgs): Promise<Page<SaleRecord>> {
    const page = await this.orders.pagePaidLinesForRecipient(recipientId, args, (l) => l);
    const orderIds = [...new Set(page.nodes.map((l) => l.orderId))];
    const [orders, splits, refunded] = await Promise.all([
      this.orders.byIds(orderIds),
      this.orders.splitsOfOrders(orderIds),
      this.refunds.succeededByLine(orderIds),
    ]);
    const users = new Map(
      (await this.identity.usersByIds([...new Set(splits.map((s) => s.recipientId))])).map((u) => [u.id, u]),
    );
    return mapPage(page, (line) => ({
      order: orders.find((o) => o.id === line.orderId)!,
      line,
      splits: splits.filter((s) => s.orderId === line.orderId && s.line === line.position),
      users,
      viewerId: recipientId,
      refunded: refunded.find((r) => r.orderId === line.orderId && r.line === line.position)?.refunded ?? 0,
    }));
  }

  /**
   * The recipient's own earnings per UTC day over the last `days` days (today included), per currency they earned in
   * then: a point for every day, zero where nothing sold, so a chart's time axis is real time.
   */
  async byDay(recipientId: string, days: number): Promise<EarningsSeries[]> {
    if (!Number.isInteger(days) || days < 1 || days > MAX_EARNINGS_DAYS)
      throw CommerceErrors.invalidEarningsDays(MAX_EARNINGS_DAYS);
    const now = this.clock.now();
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const since = new Date(today - (days - 1) * DAY_MS);
    const rows = await this.earnings.byDay(recipientId, since);
    const calendar = Array.from({ length: days }, (_, i) =>
      new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10),
    );
    return [...new Set(rows.map((r) => r.currency))].map((currency) => {
      const amounts = new Map(rows.filter((r) => r.currency === currency).map((r) => [r.day, r.amount]));
      const series = calendar.map((day) => ({ day, amount: amounts.get(day) ?? 0 }));
      return { currency, total: series.reduce((sum, d) => sum + d.amount, 0), days: series };
    });
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
