import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export const MONEY_REVIEW_KINDS = [
  'AMOUNT_MISMATCH',
  'REFUND_FAILED',
  'UNRECOVERED_REVERSAL',
  'STALLED_EVENT',
] as const;
export type MoneyReviewKind = (typeof MONEY_REVIEW_KINDS)[number];

export interface MoneyReviewRow {
  kind: MoneyReviewKind;
  orderId: string | null;
  amount: number | null;
  currency: string | null;
  detail: string;
  since: Date;
}

/** The cases the money flows deliberately leave to a person, across four tables, newest first, in one query. */
@Injectable()
export class MoneyReviewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async items(limit: number): Promise<MoneyReviewRow[]> {
    const rows = await this.dataSource.query<
      {
        kind: MoneyReviewKind;
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
                'reversal ' || v.id || ' (' || v.cause || ', line ' || v.line || ') from ' || v.recipient_id, v.updated_at
           FROM commerce.reversal v JOIN commerce."order" o ON o.id = v.order_id WHERE v.status = 'UNRECOVERABLE'
         UNION ALL
         SELECT 'STALLED_EVENT', NULL, NULL, NULL, 'event ' || e.id || ' (' || e.type || ')', e.received_at
           FROM commerce.webhook_event e WHERE e.processed_at IS NULL AND e.received_at < now() - interval '1 hour'
       ) items ORDER BY since DESC LIMIT $1`,
      [limit],
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
