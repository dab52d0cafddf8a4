import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { Clock } from '@lookbook/core';
import type { TestDatabase } from '@lookbook/testing';
import { createTestDatabase } from '@lookbook/testing';
import type { AccountRef, Posting } from './ledger.service';
import { LedgerService } from './ledger.service';

const CREATORS = ['0190a5b0-0000-7000-8000-00000000000a', '0190a5b0-0000-7000-8000-00000000000b'];
const clearing: AccountRef = { purpose: 'PROVIDER_CLEARING', currency: 'EUR' };
const revenue: AccountRef = { purpose: 'PLATFORM_REVENUE', currency: 'EUR' };
const payable = (i: number): AccountRef => ({ purpose: 'CREATOR_PAYABLE', ownerId: CREATORS[i]!, currency: 'EUR' });
const HOT: AccountRef[] = [clearing, revenue, payable(0), payable(1)];

const sale = (ref: string, price: number, fee: number, creator = 0): Posting => ({
  externalRef: ref,
  kind: 'SALE',
  description: `sale ${ref}`,
  entries: [
    { account: clearing, amount: price },
    { account: revenue, amount: -fee },
    { account: payable(creator), amount: -(price - fee) },
  ],
});

describe('ledger on the real database', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let ledger: LedgerService;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url, extra: { max: 20 } }).initialize();
    ledger = new LedgerService(dataSource, new Clock());
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  /** Every invariant the books must keep, checked from the stored rows. */
  async function assertBooksBalance() {
    expect(await ledger.reconcile()).toEqual([]);
    const unbalanced = await db.query(
      `SELECT transaction_id, currency FROM ledger.entry GROUP BY transaction_id, currency HAVING sum(amount) <> 0`,
    );
    expect(unbalanced).toEqual([]);
    const [total] = await db.query<{ total: string | null }>(`SELECT sum(amount) AS total FROM ledger.entry`);
    expect(Number(total!.total ?? 0)).toBe(0);
  }

  it('posts a sale: balances move, the books balance', async () => {
    expect((await ledger.postNow(sale('order:1:paid', 1000, 150))).replayed).toBe(false);
    expect(await ledger.balance(clearing)).toBe(1000);
    expect(await ledger.balance(revenue)).toBe(-150);
    expect(await ledger.balance(payable(0))).toBe(-850);
    expect(await ledger.balance(payable(1))).toBe(0);
    await assertBooksBalance();
  });

  it('posts a reference once, even when the same event arrives five times at once', async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => ledger.postNow(sale('order:2:paid', 500, 50))));
    expect(new Set(results.map((r) => r.transactionId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await db.query(`SELECT id FROM ledger.transaction WHERE external_ref = 'order:2:paid'`)).toHaveLength(1);
    await assertBooksBalance();
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    const creatorAccounts = async () =>
      db.query(`SELECT code FROM ledger.account WHERE code LIKE 'CREATOR_PAYABLE:%' ORDER BY code`);
    const before = await creatorAccounts();
    await expect(
      dataSource.transaction(async (manager) => {
        await ledger.post(manager, sale('order:3:paid', 700, 70, 1));
        throw new Error('the licence grant failed in the same transaction');
      }),
    ).rejects.toThrow('licence grant failed');
    expect(await db.query(`SELECT id FROM ledger.transaction WHERE external_ref = 'order:3:paid'`)).toEqual([]);
    expect(await creatorAccounts()).toEqual(before);
    await assertBooksBalance();
  });

  it('is enforced by the database: unbalanced, mismatched-currency and edited entries are refused', async () => {
    const [account] = await db.query<{ id: string }>(
      `SELECT id FROM ledger.account WHERE code = 'PROVIDER_CLEARING:EUR'`,
    );
    const raw = async (sql: string, params: unknown[] = []) => {
      await db.query('BEGIN');
      try {
        await db.query(
          `INSERT INTO ledger.transaction (id, external_ref, kind, description, posted_at)
           VALUES ('0190a5b0-0000-7000-8000-0000000000f1', 'raw:1', 'TEST', 'raw', now())`,
        );
        await db.query(sql, params);
        await db.query('COMMIT');
      } catch (error) {
        await db.query('ROLLBACK');
        throw error;
      }
    };
    await expect(
      raw(
        `INSERT INTO ledger.entry (transaction_id, account_id, currency, amount) VALUES ('0190a5b0-0000-7000-8000-0000000000f1', $1, 'EUR', 100)`,
        [account!.id],
      ),
    ).rejects.toThrow(/does not balance/);
    await expect(
      raw(
        `INSERT INTO ledger.entry (transaction_id, account_id, currency, amount) VALUES ('0190a5b0-0000-7000-8000-0000000000f1', $1, 'USD', 100), ('0190a5b0-0000-7000-8000-0000000000f1', $1, 'USD', -100)`,
        [account!.id],
      ),
    ).rejects.toThrow(/entry_account_currency_fkey/);
    await expect(db.query(`UPDATE ledger.entry SET amount = amount * 2`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM ledger.transaction`)).rejects.toThrow(/append-only/);
    await assertBooksBalance();
  });

  it('lets reconciliation find a cached balance that drifted from its entries', async () => {
    const code = `CREATOR_PAYABLE:${CREATORS[0]}:EUR`;
    await db.query(`UPDATE ledger.account SET balance = balance + 1 WHERE code = $1`, [code]);
    try {
      expect(await ledger.reconcile()).toEqual([{ code, cached: -(850 + 450) + 1, derived: -(850 + 450) }]);
    } finally {
      await db.query(`UPDATE ledger.account SET balance = balance - 1 WHERE code = $1`, [code]);
    }
  });

  it('pays out no more than a creator has, under 50 concurrent withdrawals', async () => {
    await ledger.postNow(sale('order:w:paid', 1001, 1, 1)); // creator 1 is owed 1000 (+ anything from earlier tests)
    const owed = -(await ledger.balance(payable(1)));
    const withdraw = (i: number) =>
      dataSource.transaction(async (manager) => {
        const available = -(await ledger.lockBalance(manager, payable(1)));
        if (available < 100) return false;
        await ledger.post(manager, {
          externalRef: `payout:w${i}`,
          kind: 'PAYOUT',
          description: 'withdrawal',
          entries: [
            { account: payable(1), amount: 100 },
            { account: clearing, amount: -100 },
          ],
        });
        return true;
      });
    const paid = (await Promise.all(Array.from({ length: 50 }, (_, i) => withdraw(i)))).filter(Boolean);
    expect(paid).toHaveLength(Math.floor(owed / 100));
    expect(await ledger.balance(payable(1))).toBe(-(owed % 100) || 0);
    await assertBooksBalance();
  });

  it('keeps every invariant under random concurrent postings and replays (property)', async () => {
    const transfer = fc.record({
      from: fc.integer({ min: 0, max: HOT.length - 1 }),
      to: fc.integer({ min: 0, max: HOT.length - 1 }),
      amount: fc.integer({ min: 1, max: 1_000_000 }),
      ref: fc.integer({ min: 0, max: 30 }), // small range: many references repeat (replayed deliveries)
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(transfer, { minLength: 1, maxLength: 40 }), async (transfers) => {
        run += 1;
        const firstByRef = new Map<number, (typeof transfers)[number]>();
        for (const t of transfers) if (t.from !== t.to && !firstByRef.has(t.ref)) firstByRef.set(t.ref, t);
        const before = await Promise.all(HOT.map((a) => ledger.balance(a)));
        const results = await Promise.allSettled(
          transfers
            .filter((t) => t.from !== t.to)
            .map((t) =>
              ledger.postNow({
                externalRef: `prop:${run}:${t.ref}`,
                kind: 'TRANSFER',
                description: 'property',
                entries: [
                  { account: HOT[t.to]!, amount: t.amount },
                  { account: HOT[t.from]!, amount: -t.amount },
                ],
              }),
            ),
        );
        expect(results.filter((r) => r.status === 'rejected')).toEqual([]); // no deadlocks, no lost postings
        // Each reference counted once — whichever delivery won.
        const posted = await db.query<{ external_ref: string; amount: string; code: string }>(
          `SELECT t.external_ref, e.amount, a.code FROM ledger.transaction t JOIN ledger.entry e ON e.transaction_id = t.id
             JOIN ledger.account a ON a.id = e.account_id WHERE t.external_ref LIKE $1`,
          [`prop:${run}:%`],
        );
        expect(new Set(posted.map((p) => p.external_ref)).size).toBe(firstByRef.size);
        const after = await Promise.all(HOT.map((a) => ledger.balance(a)));
        HOT.forEach((account, i) => {
          const moved = posted
            .filter((p) => p.code === `${account.purpose}:${account.ownerId ? `${account.ownerId}:` : ''}EUR`)
            .reduce((sum, p) => sum + Number(p.amount), 0);
          expect(after[i]! - before[i]!).toBe(moved);
        });
        await assertBooksBalance();
      }),
      { numRuns: 30 },
    );
  });
});
