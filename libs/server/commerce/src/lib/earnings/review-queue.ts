import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { pageSize, SafeIntScalar } from '@lookbook/core';

export enum MoneyReviewKindValue {
  AMOUNT_MISMATCH = 'AMOUNT_MISMATCH',
  REFUND_FAILED = 'REFUND_FAILED',
  UNRECOVERED_REVERSAL = 'UNRECOVERED_REVERSAL',
  STALLED_EVENT = 'STALLED_EVENT',
}
registerEnumType(MoneyReviewKindValue, {
  name: 'MoneyReviewKind',
  description:
    'AMOUNT_MISMATCH: paid, but not what the order says (nothing granted or booked). REFUND_FAILED: the provider ' +
    'refused a refund. UNRECOVERED_REVERSAL: a creator had already been paid out; the part is a debt on their ' +
    'balance. STALLED_EVENT: a provider event still unprocessed after an hour.',
});

@ObjectType({ description: 'Something in the money flows that needs a person to look at it.' })
export class MoneyReviewItem {
  @Field(() => MoneyReviewKindValue) kind!: MoneyReviewKindValue;
  @Field(() => ID, { nullable: true }) orderId!: string | null;
  @Field(() => SafeIntScalar, { nullable: true, description: 'Minor units.' }) amount!: number | null;
  @Field(() => String, { nullable: true }) currency!: string | null;
  @Field({ description: 'The record it is about (refund, reversal or event id) and what happened.' }) detail!: string;
  @Field(() => GraphQLISODateTime) since!: Date;
}

/** Support's queue: the cases the money flows deliberately leave to a person, newest first. */
@Injectable()
export class MoneyReviewQueue {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async items(first?: number): Promise<MoneyReviewItem[]> {
    const rows = await this.dataSource.query<
      {
        kind: MoneyReviewKindValue;
        order_id: string | null;
        amount: string | null;
        currency: string | null;
        detail: string;
        since: Date;
      }[]
    >(
      `SELECT * FROM (
         SELECT 'AMOUNT_MISMATCH' AS kind, o.id AS order_id, o.amount, o.currency,
                'order ' || o.id || ': the provider charged another amount or currency' AS detail, o.updated_at AS since
           FROM commerce."order" o WHERE o.failure_reason = 'AMOUNT_MISMATCH' AND o.paid_at IS NULL
         UNION ALL
         SELECT 'REFUND_FAILED', r.order_id, r.amount, o.currency, 'refund ' || r.id || ' (' || r.reason || ')', r.updated_at
           FROM commerce.refund r JOIN commerce."order" o ON o.id = r.order_id WHERE r.status = 'FAILED'
         UNION ALL
         SELECT 'UNRECOVERED_REVERSAL', v.order_id, v.amount, o.currency,
                'reversal ' || v.id || ' (' || v.cause || ') from ' || v.recipient_id, v.updated_at
           FROM commerce.reversal v JOIN commerce."order" o ON o.id = v.order_id WHERE v.status = 'UNRECOVERABLE'
         UNION ALL
         SELECT 'STALLED_EVENT', NULL, NULL, NULL, 'event ' || e.id || ' (' || e.type || ')', e.received_at
           FROM commerce.webhook_event e WHERE e.processed_at IS NULL AND e.received_at < now() - interval '1 hour'
       ) items ORDER BY since DESC LIMIT $1`,
      [pageSize({ first })],
    );
    return rows.map((r) => ({
      kind: r.kind,
      orderId: r.order_id,
      amount: r.amount === null ? null : Number(r.amount),
      currency: r.currency,
      detail: r.detail,
      since: r.since,
    }));
  }
}
