import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { Clock, JobQueue } from '@lookbook/core';
import { LocalGatewayTasks } from '../../commerce.tasks';
import { ProviderRejectedError } from '../payment-provider';

export const PLATFORM_ACCOUNT = 'platform';

export type StripeObject = Record<string, unknown> & { id: string; object: string };

/** Stripe-style ids: a type prefix and random characters. */
export const stripeId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

export const rejected = (code: string, message: string) => new ProviderRejectedError(message, code);

/**
 * The local gateway's books: Stripe-shaped objects, idempotency keys and balances in the `local_gateway` schema
 * (shared by the API, which serves the checkout page, and the worker, which moves the money).
 */
@Injectable()
export class LocalGatewayRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  /**
   * Runs a creating request once per idempotency key (per account), like Stripe: a repeat returns the first result.
   * Requests with the same key serialise on an advisory lock.
   */
  async idempotent(
    key: string,
    account: string | undefined,
    create: (manager: EntityManager) => Promise<StripeObject>,
  ): Promise<StripeObject> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${account ?? ''}:${key}`]);
      const [seen] = await manager.query<{ object_id: string }[]>(
        `SELECT object_id FROM local_gateway.idempotency WHERE account = $1 AND key = $2`,
        [account ?? '', key],
      );
      if (seen) return (await this.get(manager, seen.object_id))!;
      const created = await create(manager);
      await manager.query(`INSERT INTO local_gateway.idempotency (account, key, object_id) VALUES ($1, $2, $3)`, [
        account ?? '',
        key,
        created.id,
      ]);
      return created;
    });
  }

  async get(manager: EntityManager | undefined, id: string, lock = false): Promise<StripeObject | null> {
    const [row] = await (manager ?? this.dataSource).query<{ body: StripeObject }[]>(
      `SELECT body FROM local_gateway.object WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row?.body ?? null;
  }

  async require(manager: EntityManager | undefined, id: string, type: string, lock = false): Promise<StripeObject> {
    const found = await this.get(manager, id, lock);
    if (!found || found.object !== type) throw rejected('resource_missing', `No such ${type}: '${id}'`);
    return found;
  }

  async put(manager: EntityManager, body: StripeObject, account?: string): Promise<StripeObject> {
    await manager.query(
      `INSERT INTO local_gateway.object (id, type, account, body) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body`,
      [body.id, body.object, account ?? null, body],
    );
    return body;
  }

  async find(type: string, where: { path: string; equals: string }): Promise<StripeObject[]> {
    const rows = await this.dataSource.query<{ body: StripeObject }[]>(
      `SELECT body FROM local_gateway.object WHERE type = $1 AND body #>> $2::text[] = $3 ORDER BY created_at`,
      [type, where.path.split('.'), where.equals],
    );
    return rows.map((r) => r.body);
  }

  /** Moves an account's available balance; refuses to go below zero unless allowed (the platform may). */
  async adjust(manager: EntityManager, account: string, currency: string, delta: number, allowNegative = false) {
    const [row] = await manager.query<{ available: string }[]>(
      `INSERT INTO local_gateway.balance (account, currency, available) VALUES ($1, $2, $3)
       ON CONFLICT (account, currency) DO UPDATE SET available = local_gateway.balance.available + EXCLUDED.available
       RETURNING available`,
      [account, currency, delta],
    );
    if (!allowNegative && Number(row!.available) < 0) {
      throw rejected('balance_insufficient', `Insufficient funds in ${account}'s ${currency} balance`);
    }
  }

  /** What transfers funded by this charge have moved so far (they may never exceed it, as at Stripe). */
  async transferredFrom(manager: EntityManager, chargeId: string): Promise<number> {
    const [row] = await manager.query<{ sent: string }[]>(
      `SELECT coalesce(sum((body->>'amount')::bigint), 0) AS sent FROM local_gateway.object
        WHERE type = 'transfer' AND body->>'source_transaction' = $1`,
      [chargeId],
    );
    return Number(row!.sent);
  }

  /** Every currency the account holds a balance in. */
  async currenciesOf(account: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ currency: string }[]>(
      `SELECT currency FROM local_gateway.balance WHERE account = $1 ORDER BY currency`,
      [account],
    );
    return rows.map((r) => r.currency);
  }

  async balance(account: string, currency: string): Promise<number> {
    const [row] = await this.dataSource.query<{ available: string }[]>(
      `SELECT available FROM local_gateway.balance WHERE account = $1 AND currency = $2`,
      [account, currency],
    );
    return Number(row?.available ?? 0);
  }

  /** Records a Stripe-shaped event and queues its signed delivery to the webhook route, in the same transaction. */
  async emit(manager: EntityManager, type: string, object: StripeObject, account?: string): Promise<void> {
    const event: StripeObject = {
      id: stripeId('evt'),
      object: 'event',
      api_version: '2026-10-28.endive',
      created: this.nowSeconds(),
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      ...(account ? { account } : {}),
    };
    await this.put(manager, event, account);
    await this.queue.enqueue(manager, LocalGatewayTasks.deliverEvent, { eventId: event.id }, { maxAttempts: 12 });
  }
}
