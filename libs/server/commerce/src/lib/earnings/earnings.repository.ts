import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PAID_STATUSES } from '../orders/order-status';

/** Per currency, what a creator earned, what was transferred, and what their bank received or is receiving. */
export interface EarningsRow {
  currency: string;
  earned: number;
  transferred: number;
  paidOut: number;
  inFlight: number;
}

/** What one recipient earned on one day (UTC) in one currency: their splits of the day's paid sales, less clawbacks. */
export interface EarningsDayRow {
  currency: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  amount: number;
}

/** The read side of creators' money (one query for every currency they were ever paid in). */
@Injectable()
export class EarningsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The recipient's own share of each day's sales since `since` (their split's amount less what refunds and lost
   * disputes took back — never the other parties' splits, never the price), by currency and UTC day; days without
   * sales are absent. The same figure as `earned` in totals, spread over time.
   */
  async byDay(recipientId: string, since: Date): Promise<EarningsDayRow[]> {
    const rows = await this.dataSource.query<{ currency: string; day: string; amount: string }[]>(
      `SELECT o.currency, to_char(o.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              sum(s.amount - s.clawed_back) AS amount
         FROM commerce.order_split s JOIN commerce."order" o ON o.id = s.order_id
        WHERE s.recipient_id = $1 AND o.status = ANY($2::text[]) AND o.paid_at >= $3
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [recipientId, PAID_STATUSES, since],
    );
    return rows.map((r) => ({ currency: r.currency, day: r.day, amount: Number(r.amount) }));
  }

  async totals(creatorId: string): Promise<EarningsRow[]> {
    const rows = await this.dataSource.query<
      { currency: string; earned: string; transferred: string; paid_out: string; in_flight: string }[]
    >(
      `WITH currencies AS (
         SELECT DISTINCT o.currency FROM commerce.order_split s JOIN commerce."order" o ON o.id = s.order_id
          WHERE s.recipient_id = $1
         UNION SELECT upper(currency) FROM commerce.payout WHERE creator_id = $1)
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
    return rows.map((r) => ({
      currency: r.currency,
      earned: Number(r.earned),
      transferred: Number(r.transferred),
      paidOut: Number(r.paid_out),
      inFlight: Number(r.in_flight),
    }));
  }
}
