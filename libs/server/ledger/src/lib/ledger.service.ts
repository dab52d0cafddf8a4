import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@lookbook/core';
import { newId, ValidationError } from '@lookbook/kernel';

export const ACCOUNT_PURPOSES = [
  'PROVIDER_CLEARING',
  'PLATFORM_REVENUE',
  'PROCESSOR_FEES',
  'CREATOR_PAYABLE',
  'CREATOR_PAID_OUT',
  'REFUNDS',
  'DISPUTE_LOSSES',
] as const;
export type AccountPurpose = (typeof ACCOUNT_PURPOSES)[number];
const OWNED: readonly AccountPurpose[] = ['CREATOR_PAYABLE', 'CREATOR_PAID_OUT'];

/** An account is named by what it is for, whose it is (creator accounts) and its currency. */
export interface AccountRef {
  purpose: AccountPurpose;
  ownerId?: string;
  currency: string;
}

export interface Posting {
  /** Names the business event (e.g. `order:<id>:paid`); posting the same reference again is a no-op. */
  externalRef: string;
  kind: string;
  description: string;
  /** Signed minor units: debit > 0, credit < 0. Per currency they must sum to zero. */
  entries: { account: AccountRef; amount: number }[];
}

export interface Posted {
  transactionId: string;
  /** True when the reference had already been posted (nothing new was written). */
  replayed: boolean;
}

export interface Mismatch {
  code: string;
  cached: number;
  derived: number;
}

export const accountCode = ({ purpose, ownerId, currency }: AccountRef): string =>
  ownerId ? `${purpose}:${ownerId}:${currency}` : `${purpose}:${currency}`;

const invalid = (code: string, message: string) => new ValidationError(code, message);

/** Rejects a posting that cannot be right before anything is written; returns the entries merged per account. */
export function checkPosting(posting: Posting): Map<string, { account: AccountRef; amount: number }> {
  if (!/^[\x21-\x7e]{1,200}$/.test(posting.externalRef)) {
    throw invalid('INVALID_LEDGER_REFERENCE', 'An external reference is 1–200 visible ASCII characters');
  }
  if (posting.entries.length < 2) throw invalid('TOO_FEW_ENTRIES', 'A transaction needs at least two entries');
  const sums = new Map<string, number>();
  const merged = new Map<string, { account: AccountRef; amount: number }>();
  for (const { account, amount } of posting.entries) {
    if (!Number.isSafeInteger(amount) || amount === 0) {
      throw invalid('INVALID_AMOUNT', 'Entry amounts are non-zero whole minor units');
    }
    if (!/^[A-Z]{3}$/.test(account.currency)) throw invalid('INVALID_CURRENCY', 'Currencies are ISO 4217 codes');
    if (OWNED.includes(account.purpose) !== !!account.ownerId) {
      throw invalid('INVALID_ACCOUNT', `${account.purpose} accounts ${account.ownerId ? 'have no' : 'need an'} owner`);
    }
    sums.set(account.currency, (sums.get(account.currency) ?? 0) + amount);
    const code = accountCode(account);
    merged.set(code, { account, amount: (merged.get(code)?.amount ?? 0) + amount });
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0) throw invalid('UNBALANCED_TRANSACTION', `Entries in ${currency} sum to ${sum}, not zero`);
  }
  for (const [code, entry] of merged) if (entry.amount === 0) merged.delete(code);
  return merged;
}

/**
 * Append-only double-entry bookkeeping. Postings join the caller's transaction (fulfilment posts, grants and enqueues
 * atomically). Entries are written in account-code order, so concurrent postings lock (creator) account rows in one
 * order and cannot deadlock each other; the database checks the balance at commit and moves cached balances by
 * trigger. The platform's hot accounts hold no cached balance, so sales never queue on one row.
 */
@Injectable()
export class LedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async post(manager: EntityManager, posting: Posting): Promise<Posted> {
    const entries = [...checkPosting(posting).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO ledger.transaction (id, external_ref, kind, description, posted_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (external_ref) DO NOTHING RETURNING id`,
      [newId(), posting.externalRef, posting.kind, posting.description, this.clock.now()],
    );
    if (!inserted.length) {
      const [existing] = await manager.query<{ id: string }[]>(
        `SELECT id FROM ledger.transaction WHERE external_ref = $1`,
        [posting.externalRef],
      );
      return { transactionId: existing!.id, replayed: true };
    }
    const transactionId = inserted[0]!.id;
    const ids = await this.accountIds(
      manager,
      entries.map(([code, { account }]) => ({ code, account })),
    );
    // One statement; rows (and so the balance triggers' row locks) in account-code order.
    await manager.query(
      `INSERT INTO ledger.entry (transaction_id, account_id, currency, amount)
       SELECT $1, account_id, currency, amount FROM unnest($2::uuid[], $3::text[], $4::bigint[]) WITH ORDINALITY
         AS e(account_id, currency, amount, n) ORDER BY n`,
      [
        transactionId,
        entries.map(([code]) => ids.get(code)!),
        entries.map(([, { account }]) => account.currency),
        entries.map(([, { amount }]) => amount),
      ],
    );
    return { transactionId, replayed: false };
  }

  /** A posting in its own database transaction. */
  postNow(posting: Posting): Promise<Posted> {
    return this.dataSource.transaction((manager) => this.post(manager, posting));
  }

  /** An account's balance: cached for creator accounts, summed from entries for the platform's (0 if never used). */
  async balance(account: AccountRef, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = await manager.query<{ balance: string | null }[]>(
      `SELECT coalesce(a.balance, (SELECT sum(e.amount) FROM ledger.entry e WHERE e.account_id = a.id), 0) AS balance
         FROM ledger.account a WHERE a.code = $1`,
      [accountCode(account)],
    );
    return Number(row?.balance ?? 0);
  }

  /** Locks a creator account's row for a check-then-post (a withdrawal must not overdraw) and returns its balance. */
  async lockBalance(manager: EntityManager, account: AccountRef): Promise<number> {
    if (!account.ownerId) throw invalid('INVALID_ACCOUNT', 'Only creator accounts are locked for withdrawals');
    const code = accountCode(account);
    await this.accountId(manager, code, account);
    const [row] = await manager.query<{ balance: string }[]>(
      `SELECT balance FROM ledger.account WHERE code = $1 FOR UPDATE`,
      [code],
    );
    return Number(row!.balance);
  }

  /** Creator accounts whose cached balance differs from the sum of their entries (should always be empty). */
  async reconcile(): Promise<Mismatch[]> {
    const rows = await this.dataSource.query<{ code: string; cached: string; derived: string }[]>(
      `SELECT a.code, a.balance AS cached, coalesce(sum(e.amount), 0) AS derived
         FROM ledger.account a LEFT JOIN ledger.entry e ON e.account_id = a.id
        WHERE a.balance IS NOT NULL
        GROUP BY a.id HAVING a.balance <> coalesce(sum(e.amount), 0) ORDER BY a.code`,
    );
    return rows.map((r) => ({ code: r.code, cached: Number(r.cached), derived: Number(r.derived) }));
  }

  private async accountId(manager: EntityManager, code: string, account: AccountRef): Promise<string> {
    return (await this.accountIds(manager, [{ code, account }])).get(code)!;
  }

  /** Finds or creates accounts by code: one statement, plus a re-read if a concurrent creator won the race. */
  private async accountIds(
    manager: EntityManager,
    wanted: { code: string; account: AccountRef }[],
  ): Promise<Map<string, string>> {
    const codes = wanted.map((w) => w.code);
    const rows = await manager.query<{ id: string; code: string }[]>(
      `WITH wanted AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[])
           AS w(id, code, purpose, owner_id, currency)),
       created AS (
         INSERT INTO ledger.account (id, code, purpose, owner_id, currency, balance, created_at)
         SELECT id, code, purpose, owner_id, currency, CASE WHEN owner_id IS NULL THEN NULL ELSE 0 END, $6 FROM wanted
          WHERE NOT EXISTS (SELECT 1 FROM ledger.account a WHERE a.code = wanted.code)
         ON CONFLICT (code) DO NOTHING RETURNING id, code)
       SELECT id, code FROM created
       UNION ALL SELECT a.id, a.code FROM ledger.account a WHERE a.code = ANY($2::text[])`,
      [
        wanted.map(() => newId()),
        codes,
        wanted.map((w) => w.account.purpose),
        wanted.map((w) => w.account.ownerId ?? null),
        wanted.map((w) => w.account.currency),
        this.clock.now(),
      ],
    );
    const ids = new Map(rows.map((r) => [r.code, r.id]));
    if (ids.size < codes.length) {
      // Created by a transaction that committed after this statement's snapshot: visible now.
      const late = await manager.query<{ id: string; code: string }[]>(
        `SELECT id, code FROM ledger.account WHERE code = ANY($1::text[])`,
        [codes],
      );
      for (const r of late) ids.set(r.code, r.id);
    }
    return ids;
  }
}
