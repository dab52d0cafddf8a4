/**
 * Search benchmark (not a test): typo'd 2–3-word queries with 2–3 facet filters through GraphQL (hits and facet
 * counts, as the browse page asks), against a hand-written SQL query doing the same search (the corrected words,
 * the same filters, the same counts) on the same database in the same run; freshness (a committed change → found
 * by search, through the outbox and the worker); the full reindex rate.
 *
 *   npm run bench:search                       # 10k models
 *   npm run bench:search -- --models 100000
 *   npm run bench:search -- --models 100000 --hold   # then keep the database and API open for EXPLAIN (Ctrl-C)
 *
 * Budgets (ARCHITECTURE.md §9): p95 ≤ 30 ms through GraphQL at 100k models (PostgreSQL engine); commit → searchable
 * p95 ≤ 2 s.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig, migrateDatabase, startEmbeddedPostgres } from '@lookbook/core';
import { MIGRATIONS } from '@lookbook/migrations';
import { resolveObjectStorage, storageEnvironment } from '@lookbook/storage';
import { generateCatalog } from '@lookbook/testing/fixtures';
import { API_NODE_FLAGS, startChild, stopChild, writeResult } from './support';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const MODELS = arg('models', 10_000);
const ROUNDS = arg('rounds', 20);
const FRESHNESS_SAMPLES = arg('freshness', 20);
const PORTS = { api: 54360, s3: 54361, pg: 54362 };

const SEARCH = `query($q: String, $f: SearchFilterInput) {
  search(query: $q, filters: $f, first: 24) {
    total didYouMean hits { model { id name } highlights { field } } facets { facet values { value count } }
  }
}`;

/** Misspelled queries over the generator's vocabulary, each with 2–3 facet filters; `words` is what they mean. */
const QUERIES = [
  { q: 'velvt blom', words: ['velvet', 'bloom'], f: { types: ['LOCON'], commercialUse: true } },
  {
    q: 'chrme lnes style',
    words: ['chrome', 'lines', 'style'],
    f: { baseModels: ['sdxl-1.0'], tiers: ['COMMERCIAL'] },
  },
  {
    q: 'watercolr ember',
    words: ['watercolor', 'ember'],
    f: { derivativesAllowed: true, free: false, types: ['LORA', 'LOCON'] },
  },
  { q: 'neon noirr', words: ['neon', 'noir'], f: { baseModels: ['pony', 'illustrious'], commercialUse: true } },
  {
    q: 'paper graiin style',
    words: ['paper', 'grain', 'style'],
    f: { types: ['CHECKPOINT'], tiers: ['PERSONAL'], commercialUse: true },
  },
];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** The same search by hand: one statement for the hits and total, one for the facet counts (disjunctive). */
function handWritten(db: Client, query: (typeof QUERIES)[number]) {
  const tsquery = query.words.map((w, i) => (i === query.words.length - 1 ? `${w}:*` : w)).join(' & ');
  const f = query.f as Record<string, unknown>;
  const conditions: [string, string, unknown][] = [
    ['type', 'd.type = ANY ($X)', f['types']],
    ['base', 'd.base_model_id = ANY ($X)', f['baseModels']],
    ['tier', 'd.tiers && $X::text[]', f['tiers']],
    ['commercial', 'd.commercial_use = $X', f['commercialUse']],
    ['derivatives', 'd.derivatives_allowed = $X', f['derivativesAllowed']],
    ['price', '($X::boolean OR d.min_price_amount IS NOT NULL)', f['free'] === false ? false : undefined],
    ['maturity', 'd.maturity = ANY ($X)', ['SFW', 'SUGGESTIVE']],
  ].filter(([, , v]) => v !== undefined) as [string, string, unknown][];
  const params: unknown[] = [tsquery];
  const where = (except: string | null) =>
    [
      `d.document @@ to_tsquery('simple', $1)`,
      ...conditions
        .filter(([name]) => name !== except)
        .map(([, sql, value]) => {
          params.push(value);
          return sql.replace('$X', `$${params.length}`);
        }),
    ].join(' AND ');
  const hits = `SELECT d.model_id, count(*) OVER () AS total FROM search.model_document d WHERE ${where(null)}
    ORDER BY ts_rank(d.document, to_tsquery('simple', $1)) DESC, d.downloads DESC LIMIT 24`;
  const hitParams = [...params];
  params.length = 1;
  const facet = (name: string, column: string) =>
    `(SELECT '${name}', v, count(*) FROM search.model_document d, LATERAL (SELECT ${column}) x (v) WHERE ${where(name)} GROUP BY v ORDER BY 3 DESC LIMIT 30)`;
  const facets = [
    facet('type', 'd.type'),
    facet('base', 'd.base_model_id'),
    facet('tag', 'unnest(d.tags)'),
    facet('tier', 'unnest(d.tiers)'),
    facet('commercial', 'd.commercial_use::text'),
    facet('derivatives', 'd.derivatives_allowed::text'),
    facet('credit', 'd.credit_required::text'),
    facet('maturity', 'd.maturity'),
    facet(
      'price',
      "unnest(ARRAY[CASE WHEN d.free THEN 'FREE' END, CASE WHEN d.min_price_amount IS NOT NULL THEN 'PAID' END])",
    ),
  ].join(' UNION ALL ');
  return async () => {
    await db.query(hits, hitParams);
    await db.query(facets, params);
  };
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lookbook-bench-search-'));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: join(dir, 'pg'),
    port: PORTS.pg,
    database: 'bench',
    persistent: false,
  });
  const config = loadConfig({ DATA_DIR: dir, EMBEDDED_S3_PORT: String(PORTS.s3) });
  const storage = await resolveObjectStorage(config, () => undefined);
  const children = [];
  const db = new Client({ connectionString: server.url });
  try {
    await migrateDatabase(server.url, MIGRATIONS);
    await db.connect();
    let started = Date.now();
    await generateCatalog(db, MODELS);
    const generationSeconds = (Date.now() - started) / 1000;
    const env = {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: server.url,
      DATA_DIR: dir,
      AUTH_SECRET: 'bench-only-secret-with-at-least-32-characters',
      WEB_DIST_DIR: join(dir, 'no-web'),
      PUBLIC_CACHE_TTL_MS: '0',
      ...storageEnvironment(storage.settings),
    };
    started = Date.now();
    const reindexOutput = execFileSync(
      process.execPath,
      [join(process.cwd(), 'tools', 'register.js'), 'tools/search.js', 'reindex'],
      {
        env: { ...process.env, ...env },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    const reindexSeconds = (Date.now() - started) / 1000;
    // The generator's own writes enqueued a sync per model; the reindex just covered them.
    await db.query(`DELETE FROM graphile_worker._private_jobs WHERE key LIKE 'search-model:%'`);
    await db.query('VACUUM ANALYZE');
    process.stdout.write(
      `search bench: ${MODELS} models (generated in ${generationSeconds.toFixed(1)} s); ${reindexOutput.trim()}\n`,
    );
    children.push(
      await startChild(
        'apps/api/src/main.js',
        { ...env, PORT: String(PORTS.api) },
        `http://127.0.0.1:${PORTS.api}/readyz`,
        API_NODE_FLAGS,
      ),
    );
    const ask = async (variables: Record<string, unknown>) => {
      const response = await fetch(`http://127.0.0.1:${PORTS.api}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SEARCH, variables }),
      });
      const body = (await response.json()) as {
        data?: { search: { total: number; didYouMean: string | null; hits: { model: { id: string } }[] } };
        errors?: unknown;
      };
      if (!body.data) throw new Error(`search failed: ${JSON.stringify(body.errors)}`);
      return body.data.search;
    };
    // Same answers, or the comparison means nothing: every typo is corrected and the totals agree.
    const baselines = QUERIES.map((query) => handWritten(db, query));
    for (const query of QUERIES) {
      const result = await ask({ q: query.q, f: query.f });
      if (result.didYouMean !== query.words.join(' '))
        throw new Error(`"${query.q}" was read as "${result.didYouMean}", not "${query.words.join(' ')}"`);
      if (!result.total) throw new Error(`"${query.q}" found nothing: the comparison would be empty`);
    }
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let round = 0; round < ROUNDS + 3; round += 1) {
      for (const [i, query] of QUERIES.entries()) {
        const a = await time(() => ask({ q: query.q, f: query.f }));
        const b = await time(baselines[i]!);
        if (round >= 3) {
          ours.push(a);
          theirs.push(b);
        }
      }
    }

    // The worker serves no HTTP: "ready" is the API's readiness (the first sample waits for the worker's start).
    children.push(
      await startChild(
        'apps/worker/src/main.js',
        { ...env, WORKER_CONCURRENCY: '4' },
        `http://127.0.0.1:${PORTS.api}/readyz`,
      ),
    );
    await new Promise((r) => setTimeout(r, 3000));
    const freshness: number[] = [];
    const targets = (
      await db.query<{ id: string }>(`SELECT id FROM catalog.style_model ORDER BY id LIMIT $1`, [FRESHNESS_SAMPLES])
    ).rows;
    for (const [i, { id }] of targets.entries()) {
      const word = `zephyr${String.fromCharCode(97 + (i % 26))}${'q'.repeat(1 + Math.floor(i / 26))}`;
      const committed = Date.now();
      await db.query(`UPDATE catalog.style_model SET name = $2 WHERE id = $1`, [id, `Zephyr ${word}`]);
      for (;;) {
        const result = await ask({ q: word });
        if (result.hits.some((h) => h.model.id === id)) break;
        if (Date.now() - committed > 30_000) throw new Error(`${id} was not searchable within 30 s`);
        await new Promise((r) => setTimeout(r, 25));
      }
      freshness.push(Date.now() - committed);
    }

    const result = {
      models: MODELS,
      generationSeconds,
      // The command's own figure: the process start is not part of the rate.
      reindex: {
        commandSeconds: reindexSeconds,
        documentsPerSecond: Number(/\((\d+)\/s\)/.exec(reindexOutput)?.[1] ?? 0),
      },
      graphql: { p50: percentile(ours, 50), p95: percentile(ours, 95), samples: ours.length },
      handWrittenSql: { p50: percentile(theirs, 50), p95: percentile(theirs, 95), samples: theirs.length },
      freshness: { p50: percentile(freshness, 50), p95: percentile(freshness, 95), samples: freshness.length },
    };
    const path = writeResult('search', result);
    process.stdout.write(
      `search     GraphQL p50 ${result.graphql.p50.toFixed(1)} ms p95 ${result.graphql.p95.toFixed(1)} ms (budget p95 ≤ 30 at 100k) | ` +
        `hand-written SQL p50 ${result.handWrittenSql.p50.toFixed(1)} ms p95 ${result.handWrittenSql.p95.toFixed(1)} ms | ` +
        `freshness p50 ${result.freshness.p50} ms p95 ${result.freshness.p95} ms (budget ≤ 2000) | ` +
        `reindex ${result.reindex.documentsPerSecond.toFixed(0)} documents/s\nwrote ${path}\n`,
    );
    if (process.argv.includes('--hold')) {
      process.stdout.write(
        `holding the database open at ${server.url}, the API at http://127.0.0.1:${PORTS.api} (Ctrl-C ends)\n`,
      );
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    }
  } finally {
    await Promise.all(children.map(stopChild));
    await db.end().catch(() => undefined);
    await storage.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
