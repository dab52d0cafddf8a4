/**
 * `npm run bench`: every benchmark, each beside its baseline in the same run, then one table.
 *
 *   npm run bench                                  # 10k models, 10 s per read measurement, 1 GiB ingest
 *   npm run bench -- --models 100000 --duration 20 --ingest-gib 4 --postings 10000 --search-models 100000 --streams 2000 --follows 1000
 *
 * Each benchmark runs in its own process (so one's heap and threads never colour another's), prints its own lines
 * and writes bench/results/<name>.json; this reads them back for the summary. Figures are ratios against a
 * baseline measured seconds earlier on the same machine — these machines are noisy, absolute numbers are not
 * comparable across runs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pct, RESULTS_DIR } from './support';

const arg = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1]! : fallback;
};

function run(entry: string, args: string[]): void {
  execFileSync(process.execPath, [join(process.cwd(), 'tools', 'register.js'), entry, ...args], { stdio: 'inherit' });
}

const read = <T>(name: string): T => JSON.parse(readFileSync(join(RESULTS_DIR, `${name}.json`), 'utf8')) as T;

interface Cannon {
  requestsPerSecond: number;
  p50: number;
  p99: number;
}
interface ReadPage {
  statements: number;
  baseline: Cannon;
  ours: Cannon;
  ratio: number;
  fixedRate: Cannon & { rate: number };
  cached: Cannon;
}

function main(): void {
  run('bench/read.bench.js', ['--models', arg('models', '10000'), '--duration', arg('duration', '10')]);
  run('bench/ingest.bench.js', [arg('ingest-gib', '1')]);
  run('bench/ledger.bench.js', [arg('postings', '4000')]);
  run('bench/search.bench.js', ['--models', arg('search-models', arg('models', '10000'))]);
  run('bench/sse.bench.js', ['--streams', arg('streams', '1000')]);
  run('bench/community.bench.js', ['--follows', arg('follows', '1000')]);

  const readResult = read<{ models: number; pages: Record<string, ReadPage> }>('read');
  const ingest = read<{
    sizes: { gib: number; baselineMBps: number; inspectorMBps: number; ratio: number; inspectorMaxRssMb: number }[];
  }>('ingest');
  const ledger = read<{
    scenarios: { name: string; perSecond: number }[];
    pgbenchTps: number | null;
    ratio: number | null;
  }>('ledger');

  const search = read<{
    models: number;
    graphql: { p50: number; p95: number };
    handWrittenSql: { p50: number; p95: number };
    freshness: { p50: number; p95: number };
    reindex: { documentsPerSecond: number };
  }>('search');

  const sse = read<{
    streams: number;
    plain: { perConnectionRss: number; perConnectionHeap: number };
    sse: { perStreamRss: number; perStreamHeap: number };
    notify: { arrivalsMs: number[] };
    phases: { withStreams: { rss: number } };
  }>('sse');
  const community = read<{
    follows: number;
    feed: Record<string, { statements: number; baseline: Cannon; ours: Cannon; ratio: number }>;
    modelPageStatements: Record<string, Record<string, number>>;
    modelPageConversation: Record<string, { reviews: number; comments: number }>;
    discoverStatements: Record<string, number>;
  }>('community');

  const rows: [string, string, string, string, string][] = [];
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  for (const [name, page] of Object.entries(readResult.pages)) {
    rows.push([
      `${name} (${readResult.models} models, 10 clients)`,
      `${page.baseline.requestsPerSecond.toFixed(0)} req/s (Fastify + pg)`,
      `${page.ours.requestsPerSecond.toFixed(0)} req/s, p50 ${page.ours.p50} ms, p99 ${page.ours.p99} ms, ${page.statements} SQL`,
      pct(page.ratio),
      `≥ 50%: ${verdict(page.ratio >= 0.5)}; ≤ 3 SQL: ${verdict(page.statements <= 3)}`,
    ]);
    rows.push([
      `${name} at ${page.fixedRate.rate} req/s`,
      '',
      `p99 ${page.fixedRate.p99} ms`,
      '',
      `p99 ≤ 50 ms: ${verdict(page.fixedRate.p99 <= 50)}`,
    ]);
    rows.push([
      `${name}, anonymous cache on`,
      '',
      `${page.cached.requestsPerSecond.toFixed(0)} req/s`,
      pct(page.cached.requestsPerSecond / page.baseline.requestsPerSecond),
      '(not a budget)',
    ]);
  }
  for (const size of ingest.sizes) {
    rows.push([
      `ingest ${size.gib} GiB`,
      `${size.baselineMBps.toFixed(0)} MB/s (SHA-256)`,
      `${size.inspectorMBps.toFixed(0)} MB/s, RSS ${size.inspectorMaxRssMb.toFixed(0)} MB`,
      pct(size.ratio),
      `≥ 95%: ${verdict(size.ratio >= 0.95)}; RSS ≤ 150 MB: ${verdict(size.inspectorMaxRssMb <= 150)}`,
    ]);
  }
  const hot = ledger.scenarios.find((s) => s.name.startsWith('hot'))!;
  rows.push([
    'ledger, hot accounts, 16 writers',
    ledger.pgbenchTps === null ? 'pgbench missing' : `${ledger.pgbenchTps.toFixed(0)} TPS (pgbench TPC-B)`,
    `${hot.perSecond.toFixed(0)} postings/s`,
    ledger.ratio === null ? 'n/a' : pct(ledger.ratio),
    ledger.ratio === null ? 'unmeasured' : `≥ 50%: ${verdict(ledger.ratio >= 0.5)}`,
  ]);

  rows.push([
    `search, typo'd words + 2–3 facets (${search.models} models)`,
    `p50 ${search.handWrittenSql.p50.toFixed(1)} ms, p95 ${search.handWrittenSql.p95.toFixed(1)} ms (hand-written SQL)`,
    `p50 ${search.graphql.p50.toFixed(1)} ms, p95 ${search.graphql.p95.toFixed(1)} ms (GraphQL, hits + facets)`,
    pct(search.handWrittenSql.p95 / search.graphql.p95),
    `p95 ≤ 30 ms at 100k: ${search.models >= 100_000 ? verdict(search.graphql.p95 <= 30) : 'run with --search-models 100000'}`,
  ]);
  rows.push([
    'search freshness (commit → found)',
    '',
    `p50 ${search.freshness.p50} ms, p95 ${search.freshness.p95} ms; reindex ${search.reindex.documentsPerSecond.toFixed(0)} docs/s`,
    '',
    `p95 ≤ 2 s: ${verdict(search.freshness.p95 <= 2000)}`,
  ]);

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  rows.push([
    `${sse.streams} idle SSE streams, one API process`,
    `${kb(sse.plain.perConnectionRss)} RSS, ${kb(sse.plain.perConnectionHeap)} heap per plain keep-alive connection`,
    `${kb(sse.sse.perStreamRss)} RSS, ${kb(sse.sse.perStreamHeap)} heap per stream; RSS ${(sse.phases.withStreams.rss / 1024 ** 2).toFixed(0)} MB; ` +
      `a notification in ${Math.max(...sse.notify.arrivalsMs).toFixed(0)} ms`,
    '',
    '(report only)',
  ]);
  for (const [name, page] of Object.entries(community.feed)) {
    rows.push([
      `following feed ${name} (${community.follows} follows, 10 clients)`,
      `${page.baseline.requestsPerSecond.toFixed(0)} req/s (hand-written SQL, Fastify + pg)`,
      `${page.ours.requestsPerSecond.toFixed(0)} req/s, p50 ${page.ours.p50} ms, p99 ${page.ours.p99} ms, ${page.statements} SQL`,
      pct(page.ratio),
      '(compared, no budget)',
    ]);
  }
  // The model page's four signed-in requests (page, reviews, eligibility, discussion), summed per size.
  const sizes = Object.entries(community.modelPageConversation);
  const totals = sizes.map(([size]) =>
    Object.entries(community.modelPageStatements)
      .filter(([name]) => !name.endsWith('(anonymous)'))
      .reduce((n, [, s]) => n + s[size]!, 0),
  );
  rows.push([
    `model page + reviews + discussion, SQL (${sizes.map(([, c]) => `${c.reviews}/${c.comments}`).join(' → ')} reviews/comments)`,
    '',
    `${totals.join(' → ')} statements over 4 signed-in requests`,
    '',
    `fixed once there are any: ${verdict(totals.at(-1) === totals.at(-2))}; ≤ 4 per page: ${verdict(
      (community.modelPageStatements['ModelPage']
        ? Object.values(community.modelPageStatements['ModelPage'])
        : []
      ).every((n) => n <= 4),
    )}`,
  ]);
  const discover = community.discoverStatements;
  rows.push([
    'discover with card counts, SQL (2 / 24 cards)',
    '',
    Object.entries(discover)
      .map(([name, n]) => `${name}: ${n}`)
      .join('; '),
    '',
    `same for 2 and 24 cards: ${verdict(discover['2 cards with counts'] === discover['24 cards with counts'])}; ` +
      `counts add none: ${verdict(discover['24 cards with counts'] === discover['24 cards without counts'])}`,
  ]);

  const header: [string, string, string, string, string] = [
    'benchmark',
    'baseline (same run)',
    'Lookbook',
    'ratio',
    'budget',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  process.stdout.write(
    `\n${[line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n')}\n`,
  );
}

main();
