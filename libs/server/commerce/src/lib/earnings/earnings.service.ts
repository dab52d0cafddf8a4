import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Column, DataSource, Entity, In, PrimaryColumn } from 'typeorm';
import type { ConnectionArgs, Page } from '@lookbook/core';
import { paginateNewestFirst, bigintNumber } from '@lookbook/core';
import type { UserSummary } from '@lookbook/identity';
import { IdentityFacade } from '@lookbook/identity';
import { LedgerService } from '@lookbook/ledger';
import { Books } from '../money/books';
import type { ConnectedAccountEntity } from '../orders/order.entities';
import { OrderEntity, OrderSplitEntity, PAID_STATUSES } from '../orders/order.entities';
import { RefundService } from '../refunds/refund.service';
import type { Balance, Order, Payee, Payout, PayoutAccount, Sale } from './commerce.graphql';
import {
  OrderStatusValue,
  PayoutAccountStatusValue,
  PayoutStatusValue,
  RefundReasonValue,
  RefundStatusValue,
  SplitRoleValue,
  TransferStatusValue,
} from './commerce.graphql';

@Entity({ schema: 'commerce', name: 'payout' })
export class PayoutEntity {
  @PrimaryColumn('text', { name: 'provider_payout_id' }) id!: string;
  @Column('uuid', { name: 'creator_id' }) creatorId!: string;
  @Column('bigint', { transformer: bigintNumber }) amount!: number;
  @Column('text') currency!: string;
  @Column('text') status!: PayoutStatusValue;
  @Column('text', { name: 'failure_code', nullable: true }) failureCode!: string | null;
  @Column('timestamptz', { name: 'arrival_date', nullable: true }) arrivalDate!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

/** Read models for buyers (orders, receipts) and creators (balances, per-sale breakdown, payouts). */
@Injectable()
export class EarningsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly refunds: RefundService,
    private readonly ledger: LedgerService,
    private readonly identity: IdentityFacade,
  ) {}

  async ordersOf(buyerId: string, args: ConnectionArgs): Promise<Page<Order>> {
    const qb = this.dataSource
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .where('o.buyerId = :buyerId', { buyerId });
    const page = await paginateNewestFirst(qb, args, 'createdAt', (o) => o);
    const orders = await this.toOrders(page.nodes, buyerId);
    const edges = page.edges.map((e, i) => ({ cursor: e.cursor, node: orders[i]! }));
    return { edges, nodes: orders, pageInfo: page.pageInfo };
  }

  /** One order as `viewerId` may see it (payment details are the buyer's alone). */
  async orderView(order: OrderEntity, viewerId: string): Promise<Order> {
    return (await this.toOrders([order], viewerId))[0]!;
  }

  /** Sales that pay this creator (as seller or upstream), with every split of each. Three queries per page. */
  async salesOf(recipientId: string, args: ConnectionArgs): Promise<Page<Sale>> {
    const qb = this.dataSource
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .innerJoin(OrderSplitEntity, 'mine', 'mine.orderId = o.id AND mine.recipientId = :recipientId', { recipientId })
      .where('o.status IN (:...paid)', { paid: PAID_STATUSES });
    const page = await paginateNewestFirst(qb, args, 'paidAt', (o) => o);
    const splits = page.nodes.length
      ? await this.dataSource
          .getRepository(OrderSplitEntity)
          .find({ where: { orderId: In(page.nodes.map((o) => o.id)) }, order: { amount: 'DESC', recipientId: 'ASC' } })
      : [];
    const users = new Map(
      (await this.identity.usersByIds([...new Set(splits.map((s) => s.recipientId))])).map((u) => [u.id, u]),
    );
    const toSale = (o: OrderEntity): Sale => ({
      orderId: o.id,
      status: o.status as OrderStatusValue,
      itemName: o.itemName,
      tier: o.tier,
      price: o.amount,
      currency: o.currency,
      platformFeeBps: o.platformFeeBps,
      platformFee: o.platformFee,
      processorFee: o.processorFee,
      refundedAmount: o.refundedAmount,
      paidAt: o.paidAt!,
      splits: splits
        .filter((s) => s.orderId === o.id)
        .map((s) => ({
          recipient: payeeOf(s.recipientId, users),
          role: s.role as SplitRoleValue,
          shareBps: s.shareBps,
          amount: s.amount,
          clawedBack: s.clawedBack,
          transferStatus: s.transferStatus as TransferStatusValue,
          transferableAt: s.transferableAt,
          transferAmount: s.transferAmount,
          transferId: s.transferId,
          reversedAmount: s.reversedAmount,
        })),
    });
    const edges = page.edges.map((e) => ({ cursor: e.cursor, node: toSale(e.node) }));
    return { edges, nodes: edges.map((e) => e.node), pageInfo: page.pageInfo };
  }

  /**
   * Per currency: pending = what the platform owes and has not transferred (the payable account; negative is a debt),
   * available = transferred to the payout account and not paid out to the bank, paid out = reached the bank.
   */
  async balances(creatorId: string): Promise<Balance[]> {
    const rows = await this.dataSource.query<
      { currency: string; earned: string; transferred: string; paid_out: string; in_flight: string }[]
    >(
      `WITH currencies AS (
         SELECT DISTINCT o.currency FROM commerce.order_split s JOIN commerce."order" o ON o.id = s.order_id
          WHERE s.recipient_id = $1
         UNION SELECT currency FROM commerce.payout WHERE creator_id = $1)
       SELECT c.currency,
         (SELECT coalesce(sum(s.amount - s.clawed_back), 0) FROM commerce.order_split s
            JOIN commerce."order" o ON o.id = s.order_id
           WHERE s.recipient_id = $1 AND o.currency = c.currency AND o.status = ANY($2::text[])) AS earned,
         (SELECT coalesce(sum(s.transfer_amount - s.reversed_amount), 0) FROM commerce.order_split s
            JOIN commerce."order" o ON o.id = s.order_id
           WHERE s.recipient_id = $1 AND o.currency = c.currency AND s.transfer_status = 'SENT') AS transferred,
         (SELECT coalesce(sum(amount), 0) FROM commerce.payout
           WHERE creator_id = $1 AND upper(currency) = c.currency AND status = 'PAID') AS paid_out,
         (SELECT coalesce(sum(amount), 0) FROM commerce.payout
           WHERE creator_id = $1 AND upper(currency) = c.currency AND status = 'IN_TRANSIT') AS in_flight
       FROM currencies c ORDER BY c.currency`,
      [creatorId, PAID_STATUSES],
    );
    return Promise.all(
      rows.map(async (r) => ({
        currency: r.currency,
        pending: -(await this.ledger.balance(Books.payable(creatorId, r.currency))),
        available: Number(r.transferred) - Number(r.paid_out) - Number(r.in_flight),
        paidOut: Number(r.paid_out),
        lifetimeEarnings: Number(r.earned),
      })),
    );
  }

  async payoutsOf(creatorId: string, args: ConnectionArgs): Promise<Page<Payout>> {
    const qb = this.dataSource.getRepository(PayoutEntity).createQueryBuilder('p').where('p.creatorId = :creatorId', {
      creatorId,
    });
    return paginateNewestFirst(qb, args, 'createdAt', (p) => ({
      id: p.id,
      amount: p.amount,
      currency: p.currency,
      status: p.status,
      failureCode: p.failureCode,
      arrivalDate: p.arrivalDate,
      createdAt: p.createdAt,
    }));
  }

  /** Is this user paid by this order (as seller or upstream)? */
  async isRecipient(orderId: string, userId: string): Promise<boolean> {
    return this.dataSource.getRepository(OrderSplitEntity).existsBy({ orderId, recipientId: userId });
  }

  /** Receipts: refunds and sellers for a page of orders in one query each. */
  private async toOrders(orders: OrderEntity[], viewerId: string): Promise<Order[]> {
    const refunds = await this.refunds.refundsOf(orders.map((o) => o.id));
    const sellers = new Map(
      (await this.identity.usersByIds([...new Set(orders.map((o) => o.sellerId))])).map((u) => [u.id, u]),
    );
    return orders.map((o) => ({
      seller: payeeOf(o.sellerId, sellers),
      id: o.id,
      status: o.status as OrderStatusValue,
      itemName: o.itemName,
      tier: o.tier,
      offerId: o.offerId,
      offerRevision: o.offerRevision,
      modelId: o.modelId,
      versionId: o.versionId,
      amount: o.amount,
      currency: o.currency,
      refundedAmount: o.refundedAmount,
      checkoutUrl: o.status === 'PENDING' && o.buyerId === viewerId ? o.checkoutUrl : null,
      lastPaymentError: o.status === 'PENDING' && o.buyerId === viewerId ? o.lastPaymentError : null,
      licenseId: o.grantId,
      createdAt: o.createdAt,
      paidAt: o.paidAt,
      buyerId: o.buyerId,
      refunds: refunds
        .filter((r) => r.orderId === o.id)
        .map((r) => ({
          id: r.id,
          amount: r.amount,
          reason: r.reason as RefundReasonValue,
          status: r.status as RefundStatusValue,
          createdAt: r.createdAt,
        })),
    }));
  }
}

/** A public profile (handle, display name) — never an email; null fields for an account that no longer exists. */
const payeeOf = (id: string, users: Map<string, UserSummary>): Payee => ({
  id,
  handle: users.get(id)?.handle ?? null,
  displayName: users.get(id)?.displayName ?? null,
});

export function payoutAccountView(account: ConnectedAccountEntity | null): PayoutAccount {
  const status = !account
    ? PayoutAccountStatusValue.NOT_STARTED
    : account.payoutFailureCode
      ? PayoutAccountStatusValue.PAYOUT_FAILED
      : account.payoutsEnabled
        ? PayoutAccountStatusValue.ACTIVE
        : PayoutAccountStatusValue.ONBOARDING;
  return {
    status,
    payoutsEnabled: account?.payoutsEnabled ?? false,
    requirementsDue: account?.requirementsDue ?? [],
    payoutFailureCode: account?.payoutFailureCode ?? null,
  };
}
