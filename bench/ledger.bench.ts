/**
 * Ledger benchmark (not a test): postings through LedgerService on a real, durable PostgreSQL (fsync on), each a
 * three-entry sale (clearing +price, platform fee, creator share) in its own transaction.
 *
 *   npm run bench:ledger              # 4,000 postings per scenario
 *   npm run bench:ledger -- 10000
 *
 * Scenarios, all in the same run: the baseline (1 writer), 16 writers on disjoint accounts (no contention), and the
 * target: 16 writers on hot accounts (every posting touches the same clearing and revenue rows). Reports postings/s
 * and latency percentiles, then checks the invariants (every transaction sums to zero, cached balances equal their
 * entries). Then `pgbench` TPC-B (16 clients, scale 1: every transaction updates the one branch row — a hot account)
 * against the same server in the same run. Budget (ARCHITECTURE.md §9): hot postings/s ≥ 50% of pgbench's TPS, with
 * zero invariant violations. pgbench comes from Debian's postgresql-client; without it the ratio is reported missing.
 * Writes bench/results/ledger.json.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock, migrateDatabase, startEmbeddedPostgres } from '@lookbook/core';
import type { AccountRef } from '@lookbook/ledger';
import { LedgerService } from '@lookbook/ledger';
import { MIGRATIONS } from '@lookbook/migrations';
import { pct, writeResult } from './support';

const total = Number(process.argv[2] ?? 4000);
const CREATOR = (i: number) => `0190a5b0-0000-7000-8000-${String(i).padStart(12, '0')}`;

interface Result {
  name: string;
  perSecond: number;
  p50: number;
  p99: number;
}

async function scenario(
  ledger: LedgerService,
  name: string,
  writers: number,
  accountsFor: (writer: number) => { clearing: AccountRef; revenue: AccountRef; payable: AccountRef },
): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const { clearing, revenue, payable } = accountsFor(writer);
      for (let i = next++; i < total; i = next++) {
        const t0 = process.hrtime.bigint();
        await ledger.postNow({
          externalRef: `${name}:${i}`,
          kind: 'SALE',
          description: 'bench',
          entries: [
            { account: clearing, amount: 1000 },
            { account: revenue, amount: -150 },
            { account: payable, amount: -850 },
          ],
        });
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { name, perSecond: total / seconds, p50: at(0.5), p99: at(0.99) };
}

const PGBENCH_SECONDS = 10;

/** TPC-B (pgbench's built-in tpcb-like script) on its own database of the same server: transactions per second. */
function pgbenchTps(url: string, clients: number): number | null {
  try {
    execFileSync('pgbench', ['-i', '-s', '1', '-q', url], { stdio: 'ignore' });
    const out = execFileSync(
      'pgbench',
      ['-n', '-b', 'tpcb-like', '-c', String(clients), '-j', '2', '-T', String(PGBENCH_SECONDS), url],
      { encoding: 'utf8' },
    );
    const tps = out.match(/tps = ([\d.]+)/);
    return tps ? Number(tps[1]) : null;
  } catch (error) {
    process.stderr.write(
      `pgbench unavailable (${(error as Error).message.split('\n')[0]}): install postgresql-client\n`,
    );
    return null;
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lookbook-bench-ledger-'));
  chmodSync(dir, 0o755); // as root, the server runs as the postgres user: it must reach its directory
  const server = await startEmbeddedPostgres({
    dataDir: join(dir, 'pg'),
    port: 54339,
    database: 'bench',
    persistent: true, // durable commits: the numbers include fsync
  });
  const dataSource = await new DataSource({ type: 'postgres', url: server.url, extra: { max: 20 } }).initialize();
  try {
    await migrateDatabase(server.url, MIGRATIONS);
    const ledger = new LedgerService(dataSource, new Clock());
    const eur = (purpose: AccountRef['purpose'], ownerId?: string): AccountRef => ({
      purpose,
      currency: 'EUR',
      ...(ownerId ? { ownerId } : {}),
    });
    const hot = { clearing: eur('PROVIDER_CLEARING'), revenue: eur('PLATFORM_REVENUE') };
    const results = [
      await scenario(ledger, 'baseline-1-writer', 1, () => ({ ...hot, payable: eur('CREATOR_PAYABLE', CREATOR(0)) })),
      await scenario(ledger, 'disjoint-16-writers', 16, (w) => ({
        clearing: { purpose: 'PROVIDER_CLEARING', currency: `X${String.fromCharCode(65 + w)}A` },
        revenue: { purpose: 'PLATFORM_REVENUE', currency: `X${String.fromCharCode(65 + w)}A` },
        payable: {
          purpose: 'CREATOR_PAYABLE',
          ownerId: CREATOR(100 + w),
          currency: `X${String.fromCharCode(65 + w)}A`,
        },
      })),
      await scenario(ledger, 'hot-16-writers', 16, (w) => ({
        ...hot,
        payable: eur('CREATOR_PAYABLE', CREATOR(w % 4)),
      })),
    ];
    console.log(`ledger postings (${total} per scenario, 3 entries each, durable commits)`);
    for (const r of results) {
      console.log(
        `${r.name.padEnd(22)} ${r.perSecond.toFixed(0).padStart(6)} postings/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   ${(r.perSecond / results[0]!.perSecond).toFixed(2)}× baseline`,
      );
    }
    const mismatches = await ledger.reconcile();
    const unbalanced = await dataSource.query<unknown[]>(
      `SELECT transaction_id FROM ledger.entry GROUP BY transaction_id, currency HAVING sum(amount) <> 0`,
    );
    const [count] = await dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM ledger.transaction`);
    console.log(
      `invariants: ${count!.n} transactions, ${unbalanced.length} unbalanced, ${mismatches.length} cached balances off`,
    );
    const hotResult = results[2]!;
    await dataSource.query(`CREATE DATABASE pgbench`);
    const tps = pgbenchTps(server.urlFor('pgbench'), 16);
    const ratio = tps ? hotResult.perSecond / tps : null;
    console.log(
      `pgbench TPC-B (16 clients, scale 1, ${PGBENCH_SECONDS} s) ${tps ? tps.toFixed(0) : 'n/a'} TPS | hot postings ${hotResult.perSecond.toFixed(0)}/s | ` +
        `ratio ${ratio === null ? 'n/a' : pct(ratio)} (budget ≥ 50%)`,
    );
    const path = writeResult('ledger', {
      postingsPerScenario: total,
      scenarios: results,
      pgbenchTps: tps,
      ratio,
      invariants: { transactions: Number(count!.n), unbalanced: unbalanced.length, balancesOff: mismatches.length },
    });
    console.log(`wrote ${path}`);
  } finally {
    await dataSource.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
