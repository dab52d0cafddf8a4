import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@lookbook/core';
import type { OrderStatus } from './order-status';

/**
 * One purchase: one payment for one or more licences (its lines, `OrderLineEntity`), one receipt. The order holds the
 * totals (in one currency) and the payment; what was sold is on the lines.
 */
@Entity({ schema: 'commerce', name: 'order' })
export class OrderEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'buyer_id' }) buyerId!: string;
  /** The offers bought, sorted: one open checkout per buyer and set of offers. */
  @Column('uuid', { name: 'offer_ids', array: true }) offerIds!: string[];
  /** The receipt's title: the line's name, or the first line's and how many more. */
  @Column('text', { name: 'item_name' }) itemName!: string;
  /** The sum of the lines. */
  @Column('bigint', { transformer: bigintNumber }) amount!: number;
  @Column('text') currency!: string;
  /** The sum of the lines' platform fees. */
  @Column('bigint', { name: 'platform_fee', transformer: bigintNumber }) platformFee!: number;
  @Column('text') status!: OrderStatus;
  @Column('text', { name: 'checkout_session_id', nullable: true }) checkoutSessionId!: string | null;
  @Column('text', { name: 'checkout_url', nullable: true }) checkoutUrl!: string | null;
  @Column('timestamptz', { name: 'checkout_expires_at', nullable: true }) checkoutExpiresAt!: Date | null;
  @Column('text', { name: 'payment_intent_id', nullable: true }) paymentIntentId!: string | null;
  @Column('text', { name: 'charge_id', nullable: true }) chargeId!: string | null;
  /** What the provider kept of the one charge (each line carries its largest-remainder share). */
  @Column('bigint', { name: 'processor_fee', nullable: true, transformer: bigintNumber }) processorFee!: number | null;
  @Column('text', { name: 'last_payment_error', nullable: true }) lastPaymentError!: string | null;
  /** Why the order as a whole was not fulfilled: AMOUNT_MISMATCH, or the licensing code when no line could be granted. */
  @Column('text', { name: 'failure_reason', nullable: true }) failureReason!: string | null;
  /** Refunds requested or made on any line (pending ones are reserved here and on their lines). */
  @Column('bigint', { name: 'refunded_amount', transformer: bigintNumber }) refundedAmount!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'paid_at', nullable: true }) paidAt!: Date | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
