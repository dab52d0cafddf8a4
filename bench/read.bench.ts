/**
 * Read-path benchmark (not a test): the discover page and the model page through Lookbook's GraphQL API, against a
 * hand-written Fastify + `pg` endpoint serving the same JSON from the same database in one statement, in one run.
 *
 *   npm run bench:read                      # 10k models, 10 s per measurement
 *   npm run bench:read -- --models 100000 --duration 20
 *   BENCH_DATABASE_URL=postgres://… npm run bench:read   # a given server instead of the embedded one
 *
 * The catalog is generated inside Postgres (reproducible: same rows every run) and reused when the database already
 * holds that many models. Both servers run as child processes; autocannon drives them from this one. For each page:
 * closed-loop throughput at 10 connections (req/s, p50, p99), then p99 at a fixed 50 req/s, and SQL statements per
 * request (the API's x-sql-statements header). The anonymous response cache is off for the ratios (they compare
 * work, not memory) and measured on its own. Budgets (ARCHITECTURE.md §9): ≥ 50% of baseline req/s at 10 clients
 * on 10k models; p99 ≤ 50 ms at 50 req/s.
 */
import { isDeepStrictEqual } from 'node:util';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { loadConfig, migrateDatabase, startEmbeddedPostgres } from '@lookbook/core';
import { MIGRATIONS } from '@lookbook/migrations';
import { resolveObjectStorage, storageEnvironment } from '@lookbook/storage';
import { DISCOVER_QUERY, generateCatalog, MODEL_PAGE_QUERY } from '@lookbook/testing/fixtures';
import { API_NODE_FLAGS, pct, startChild, stopChild, writeResult } from './support';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const MODELS = arg('models', 10_000);
const DURATION = arg('duration', 10);
const CONNECTIONS = 10;
const FIXED_RATE = 50;
const PORTS = { api: 54350, cachedApi: 54351, baseline: 54352, s3: 54353, pg: 54354 };
const MEDIA = `http://127.0.0.1:${PORTS.api}/media`;

interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

type Request = { method: 'GET' | 'POST'; path: string; body?: string };

async function cannon(port: number, requests: Request[], rate?: number): Promise<Measurement> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION,
    ...(rate ? { overallRate: rate } : {}),
    requests: requests.map((r) => ({ ...r, headers: { 'content-type': 'application/json' } })),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function fetchJson(
  port: number,
  request: Request,
): Promise<{ body: unknown; statements: number; cache: string | null }> {
  const response = await fetch(`http://127.0.0.1:${port}${request.path}`, {
    method: request.method,
    headers: { 'content-type': 'application/json' },
    body: request.body,
  });
  return {
    body: await response.json(),
    statements: Number(response.headers.get('x-sql-statements')),
    cache: response.headers.get('x-cache'),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lookbook-bench-read-'));
  chmodSync(dir, 0o755);
  const given = process.env['BENCH_DATABASE_URL'];
  const server = given
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: PORTS.pg, database: 'bench', persistent: false });
  const databaseUrl = given ?? server!.url;
  const config = loadConfig({ DATA_DIR: dir, EMBEDDED_S3_PORT: String(PORTS.s3) });
  const storage = await resolveObjectStorage(config, () => undefined);
  const children = [];
  try {
    await migrateDatabase(databaseUrl, MIGRATIONS);
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const [{ n }] = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM catalog.style_model`)).rows as [
      { n: string },
    ];
    const started = Date.now();
    if (Number(n) === 0) await generateCatalog(db, MODELS);
    else if (Number(n) !== MODELS) throw new Error(`the database holds ${n} models, not ${MODELS}: use an empty one`);
    const generationSeconds = (Date.now() - started) / 1000;
    const ids = (
      await db.query<{ id: string }>(`SELECT id FROM catalog.style_model ORDER BY published_at DESC LIMIT 200`)
    ).rows.map((r) => r.id);
    await db.end();
    process.stdout.write(
      `read bench: ${MODELS} models (generated in ${generationSeconds.toFixed(1)} s), ${DURATION} s per measurement\n`,
    );

    const apiEnv = (port: number, cacheMs: number) => ({
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dir,
      MEDIA_PUBLIC_URL: MEDIA,
      PUBLIC_CACHE_TTL_MS: String(cacheMs),
      SQL_STATEMENT_HEADER: 'true',
      AUTH_SECRET: 'bench-only-secret-with-at-least-32-characters',
      WEB_DIST_DIR: join(dir, 'no-web'),
      ...storageEnvironment(storage.settings),
    });
    // One API with the cache off (the ratios) and one with it on (its effect), as `npm start` runs them.
    for (const [port, cacheMs] of [
      [PORTS.api, 0],
      [PORTS.cachedApi, 5000],
    ] as const) {
      children.push(
        await startChild(
          'apps/api/src/main.js',
          apiEnv(port, cacheMs),
          `http://127.0.0.1:${port}/readyz`,
          API_NODE_FLAGS,
        ),
      );
    }
    children.push(
      await startChild(
        'bench/baseline-server.js',
        { DATABASE_URL: databaseUrl, MEDIA_PUBLIC_URL: MEDIA, PORT: String(PORTS.baseline) },
        `http://127.0.0.1:${PORTS.baseline}/healthz`,
      ),
    );

    const gql = (query: string, variables: Record<string, unknown>) => ({
      method: 'POST' as const,
      path: '/graphql',
      body: JSON.stringify({ query, variables }),
    });
    const pages = {
      discover: {
        ours: [gql(DISCOVER_QUERY, { first: 24 })],
        baseline: [{ method: 'GET' as const, path: '/discover?first=24' }],
      },
      modelPage: {
        ours: ids.map((id) => gql(MODEL_PAGE_QUERY, { id })),
        baseline: ids.map((id) => ({ method: 'GET' as const, path: `/model/${id}` })),
      },
    };
    const results: Record<string, unknown> = {};
    const summary: string[] = [];
    for (const [name, page] of Object.entries(pages)) {
      // Same JSON, or the comparison means nothing.
      for (let i = 0; i < Math.min(5, page.ours.length); i += 1) {
        const [ours, theirs] = [
          await fetchJson(PORTS.api, page.ours[i]!),
          await fetchJson(PORTS.baseline, page.baseline[i]!),
        ];
        if (!isDeepStrictEqual(ours.body, theirs.body))
          throw new Error(
            `${name}: the baseline's JSON differs from the API's\nours: ${JSON.stringify(ours.body).slice(0, 600)}\nbaseline: ${JSON.stringify(theirs.body).slice(0, 600)}`,
          );
      }
      const statements = (await fetchJson(PORTS.api, page.ours[0]!)).statements;
      await cannon(PORTS.api, page.ours); // warm-up (JIT, plans, pools)
      await cannon(PORTS.cachedApi, page.ours);
      await cannon(PORTS.baseline, page.baseline);
      const baseline = await cannon(PORTS.baseline, page.baseline);
      const ours = await cannon(PORTS.api, page.ours);
      const fixedRate = await cannon(PORTS.api, page.ours, FIXED_RATE);
      const cached = await cannon(PORTS.cachedApi, page.ours);
      const ratio = ours.requestsPerSecond / baseline.requestsPerSecond;
      results[name] = { statements, baseline, ours, ratio, fixedRate: { rate: FIXED_RATE, ...fixedRate }, cached };
      summary.push(
        `${name.padEnd(10)} baseline ${baseline.requestsPerSecond.toFixed(0).padStart(5)} req/s p50 ${baseline.p50} ms p99 ${baseline.p99} ms | ` +
          `lookbook ${ours.requestsPerSecond.toFixed(0).padStart(5)} req/s p50 ${ours.p50} ms p99 ${ours.p99} ms | ratio ${pct(ratio)} (budget ≥ 50%) | ` +
          `p99 at ${FIXED_RATE} req/s ${fixedRate.p99} ms (budget ≤ 50) | SQL/request ${statements} (budget ≤ 3) | cached ${cached.requestsPerSecond.toFixed(0)} req/s` +
          (ours.errors + ours.non2xx + baseline.errors + baseline.non2xx
            ? ` | ERRORS ${ours.errors + ours.non2xx}/${baseline.errors + baseline.non2xx}`
            : ''),
      );
    }
    const path = writeResult('read', {
      models: MODELS,
      durationSeconds: DURATION,
      connections: CONNECTIONS,
      generationSeconds,
      pages: results,
    });
    process.stdout.write(`${summary.join('\n')}\nwrote ${path}\n`);
  } finally {
    await Promise.all(children.map(stopChild));
    await storage.stop();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
