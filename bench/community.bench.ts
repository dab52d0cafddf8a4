/**
 * Community benchmark (not a test): the following feed of an account following 1,000 creators through Lookbook's
 * GraphQL API, against a hand-written SQL query returning the same page served by the Fastify + `pg` yardstick
 * (`bench/baseline-server.ts`, `/feed`) in the same run; then the SQL statements of the model page with its rating,
 * review summary and first discussion page at small and large counts, and of discover with and without card counts.
 *
 *   npm run bench:community                       # follows 1,000 of 3,000 creators, 3 rounds of 5 s per side
 *   npm run bench:community -- --follows 1000 --creators 3000 --rounds 5 --duration 10
 *   npm run bench:community -- --hold        # then keep the database and API open for EXPLAIN (Ctrl-C)
 *
 * The catalog comes from `generateCatalog` (20 models per creator, a second version on every third model; every
 * published version is a feed activity, written by the catalog's trigger), so the feed has ~27 items per followed
 * creator to merge. The reader (`buyer-1`) follows every third creator, newest follows first. Throughput is closed
 * loop at 10 connections, baseline and Lookbook alternating (A B A B …), medians of the rounds with the spread. The
 * two answers are checked deep-equal first. Statement counts come from the API's x-sql-statements header.
 */
import { readFileSync, chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { loadConfig, migrateDatabase, startEmbeddedPostgres } from '@lookbook/core';
import { MIGRATIONS } from '@lookbook/migrations';
import { resolveObjectStorage, storageEnvironment } from '@lookbook/storage';
import { DISCOVER_QUERY, GENERATED_BUYER_PASSWORD, generateCatalog } from '@lookbook/testing/fixtures';
import { API_NODE_FLAGS, pct, startChild, stopChild, writeResult } from './support';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const FOLLOWS = arg('follows', 1000);
// At least 300 creators: 6,000 models give the 600 buyers the reviews and comments are written by.
const CREATORS = Math.max(FOLLOWS, 300, arg('creators', FOLLOWS * 3));
const ROUNDS = arg('rounds', 3);
const DURATION = arg('duration', 5);
const CONNECTIONS = 10;
const FEED_PAGE = 20; // the web's /feed page size
const PORTS = { api: 54360, baseline: 54362, s3: 54363, pg: 54364 };
const MEDIA = `http://127.0.0.1:${PORTS.api}/media`;

/** The documents the web client sends, exactly as codegen wrote them (fragments included). */
function webDocument(name: string): string {
  const source = readFileSync(join(process.cwd(), 'apps', 'web', 'src', 'gql', 'graphql.ts'), 'utf8');
  const match = new RegExp(`export const ${name}Document = new TypedDocumentString\\(\`([\\s\\S]*?)\`\\)`).exec(source);
  if (!match) throw new Error(`apps/web/src/gql/graphql.ts has no ${name}Document`);
  return match[1]!;
}

interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}
type Request = { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };

async function cannon(port: number, request: Request): Promise<Measurement> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ ...request, headers: { 'content-type': 'application/json', ...request.headers } }],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function call(port: number, request: Request): Promise<{ body: unknown; statements: number }> {
  const response = await fetch(`http://127.0.0.1:${port}${request.path}`, {
    method: request.method,
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
  });
  const body = (await response.json()) as { errors?: unknown };
  if (!response.ok || body.errors) throw new Error(`${request.path} answered ${JSON.stringify(body).slice(0, 600)}`);
  return { body, statements: Number(response.headers.get('x-sql-statements')) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const spread = (values: number[]) => ({ min: Math.min(...values), max: Math.max(...values) });

/** A comment's rendered tree as the discussion service stores it: one paragraph of plain text (`b.body`). */
const TREE = `jsonb_build_object('type', 'doc', 'children', jsonb_build_array(jsonb_build_object('type', 'paragraph',
  'children', jsonb_build_array(jsonb_build_object('type', 'text', 'text', b.body)))))`;

/** Reviews and a discussion on `modelId`: `reviews` reviews from distinct buyers, `comments` comments (a fifth top level, each with four replies) from many authors. */
async function seedConversation(db: Client, modelId: string, reviews: number, comments: number): Promise<void> {
  await db.query(
    `INSERT INTO community.review (id, subject_kind, subject_id, author_id, license_id, license_tier, rating, body, created_at)
     SELECT md5('lb-review-' || $1 || '-' || i)::uuid, 'MODEL', $1::uuid, u.id, g.id, 'COMMERCIAL', 1 + i % 5,
            'Generated review ' || i || ': the lighting holds up across seeds.', now() - i * interval '1 hour'
       FROM generate_series(1, $2::int) i
       JOIN identity."user" u ON u.handle = 'buyer-' || (i + 1)
       CROSS JOIN LATERAL (SELECT id FROM licensing.grant WHERE licensee_id = u.id LIMIT 1) g`,
    [modelId, reviews],
  );
  await db.query(
    `SELECT community.bump_rating('MODEL', $1::uuid, (1 + i % 5)::smallint, 1) FROM generate_series(1, $2::int) i`,
    [modelId, reviews],
  );
  const tops = Math.ceil(comments / 5);
  await db.query(
    `INSERT INTO community.comment (id, subject_kind, subject_id, root_id, depth, author_id, body, tree, reply_count, visible_reply_count, created_at)
     SELECT md5('lb-comment-' || $1 || '-' || i)::uuid, 'MODEL', $1::uuid, md5('lb-comment-' || $1 || '-' || i)::uuid, 0,
            u.id, b.body, ${TREE}, 4, 4, now() - i * interval '1 hour'
       FROM generate_series(1, $2::int) i JOIN identity."user" u ON u.handle = 'buyer-' || (100 + i)
       CROSS JOIN LATERAL (SELECT 'Generated comment ' || i || ' about the sample images.' AS body) b`,
    [modelId, tops],
  );
  await db.query(
    `INSERT INTO community.comment (id, subject_kind, subject_id, parent_id, root_id, depth, author_id, body, tree, created_at)
     SELECT md5('lb-reply-' || $1 || '-' || i || '-' || r)::uuid, 'MODEL', $1::uuid, md5('lb-comment-' || $1 || '-' || i)::uuid,
            md5('lb-comment-' || $1 || '-' || i)::uuid, 1, u.id, b.body, ${TREE},
            now() - i * interval '1 hour' + r * interval '1 minute'
       FROM generate_series(1, $2::int) i CROSS JOIN generate_series(1, 4) r
       JOIN identity."user" u ON u.handle = 'buyer-' || (300 + i * 4 + r)
       CROSS JOIN LATERAL (SELECT 'Reply ' || r || ' to comment ' || i || '.' AS body) b`,
    [modelId, tops],
  );
  await db.query(
    `INSERT INTO community.discussion (subject_kind, subject_id, comment_count, visible_count) VALUES ('MODEL', $1, $2, $2)`,
    [modelId, tops * 5],
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lookbook-bench-community-'));
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
  try {
    await migrateDatabase(server.url, MIGRATIONS);
    const db = new Client({ connectionString: server.url });
    await db.connect();
    let started = Date.now();
    await generateCatalog(db, CREATORS * 20);
    const generationSeconds = (Date.now() - started) / 1000;
    started = Date.now();
    const [reader] = (await db.query<{ id: string }>(`SELECT id FROM identity."user" WHERE handle = 'buyer-1'`))
      .rows as [{ id: string }];
    // Every third creator (those with second versions: ~27 activities each), spread over the catalog's authors.
    await db.query(
      `INSERT INTO community.follow (follower_id, target_kind, target_id, created_at)
       SELECT $1, 'USER', u.id, now() - (interval '1 second' * (($2::int - i)))
         FROM generate_series(1, $2::int) i JOIN identity."user" u ON u.handle = 'creator-' || (i * $3::int)`,
      [reader.id, FOLLOWS, Math.floor(CREATORS / FOLLOWS)],
    );
    // A sparse reader: buyer-2 follows 10 creators. The generator deals models to creators in turn, so about 17 of
    // their activities lie among the newest 5,000: short of a page, the feed takes the per-followee merge.
    const [sparseReader] = (await db.query<{ id: string }>(`SELECT id FROM identity."user" WHERE handle = 'buyer-2'`))
      .rows as [{ id: string }];
    await db.query(
      `INSERT INTO community.follow (follower_id, target_kind, target_id, created_at)
       SELECT $1, 'USER', u.id, now() FROM generate_series(2, 11) i JOIN identity."user" u ON u.handle = 'creator-' || i`,
      [sparseReader.id],
    );
    const [counts] = (
      await db.query<{ activities: number; followed: number }>(
        `SELECT (SELECT count(*)::int FROM community.activity) AS activities,
                (SELECT count(*)::int FROM community.activity a JOIN community.follow f
                   ON f.follower_id = $1 AND f.target_kind = 'USER' AND f.target_id = a.actor_id) AS followed`,
        [reader.id],
      )
    ).rows as [{ activities: number; followed: number }];
    // Three models of the same creator (creator-1, not followed): none, a few and many reviews and comments.
    const [none, few, many] = (
      await db.query<{ id: string }>(
        `SELECT m.id FROM catalog.style_model m JOIN identity."user" u ON u.id = m.owner_id
          WHERE u.handle = 'creator-1' ORDER BY m.slug LIMIT 3`,
      )
    ).rows.map((r) => r.id) as [string, string, string];
    const SIZES = { none: [none, 0, 0], few: [few, 5, 20], many: [many, 50, 200] } as const;
    for (const [id, reviews, comments] of Object.values(SIZES))
      if (reviews) await seedConversation(db, id, reviews, comments);
    await db.query('ANALYZE');
    await db.end();
    process.stdout.write(
      `community bench: ${CREATORS} creators, ${CREATORS * 20} models, ${counts.activities} activities ` +
        `(generated in ${generationSeconds.toFixed(1)} s, follows and conversation in ${((Date.now() - started) / 1000).toFixed(1)} s); ` +
        `buyer-1 follows ${FOLLOWS} creators (${counts.followed} activities); ${ROUNDS} rounds of ${DURATION} s per side\n`,
    );

    children.push(
      await startChild(
        'apps/api/src/main.js',
        {
          NODE_ENV: 'development',
          LOG_LEVEL: 'warn',
          PORT: String(PORTS.api),
          DATABASE_URL: server.url,
          DATA_DIR: dir,
          MEDIA_PUBLIC_URL: MEDIA,
          PUBLIC_CACHE_TTL_MS: '0',
          SQL_STATEMENT_HEADER: 'true',
          AUTH_SECRET: 'bench-only-secret-with-at-least-32-characters',
          WEB_DIST_DIR: join(dir, 'no-web'),
          ...storageEnvironment(storage.settings),
        },
        `http://127.0.0.1:${PORTS.api}/readyz`,
        API_NODE_FLAGS,
      ),
      await startChild(
        'bench/baseline-server.js',
        { DATABASE_URL: server.url, MEDIA_PUBLIC_URL: MEDIA, PORT: String(PORTS.baseline) },
        `http://127.0.0.1:${PORTS.baseline}/healthz`,
      ),
    );

    const gql = (query: string, variables: Record<string, unknown>, token?: string): Request => ({
      method: 'POST',
      path: '/graphql',
      body: JSON.stringify({ query, variables }),
      ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    });
    const signInAs = async (login: string) => {
      const response = await call(
        PORTS.api,
        gql(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
          input: { login, password: GENERATED_BUYER_PASSWORD },
        }),
      );
      return (response.body as { data: { signIn: { accessToken: string } } }).data.signIn.accessToken;
    };
    const token = await signInAs('buyer-1');
    const sparseToken = await signInAs('buyer-2');

    // 1. The following feed, first page and the page after it, beside the hand-written query.
    const feedDocument = webDocument('FollowingFeed');
    const first = await call(PORTS.api, gql(feedDocument, { first: FEED_PAGE, after: null }, token));
    const endCursor = (first.body as { data: { followingFeed: { pageInfo: { endCursor: string } } } }).data
      .followingFeed.pageInfo.endCursor;
    const pages = [
      { name: 'page 1', after: null as string | null, viewer: reader.id, token },
      { name: 'page 2', after: endCursor, viewer: reader.id, token },
      { name: 'page 1, 10 follows', after: null as string | null, viewer: sparseReader.id, token: sparseToken },
    ];
    const feed: Record<string, unknown> = {};
    const summary: string[] = [];
    for (const page of pages) {
      const ours = gql(feedDocument, { first: FEED_PAGE, after: page.after }, page.token);
      const baseline: Request = {
        method: 'GET',
        path: `/feed?viewer=${page.viewer}&first=${FEED_PAGE}${page.after ? `&after=${page.after}` : ''}`,
      };
      const [a, b] = [await call(PORTS.api, ours), await call(PORTS.baseline, baseline)];
      const nodes = (a.body as { data: { followingFeed: { nodes: unknown[] } } }).data.followingFeed.nodes;
      if (nodes.length !== FEED_PAGE) throw new Error(`the feed's ${page.name} has ${nodes.length} items`);
      if (!isDeepStrictEqual(a.body, b.body))
        throw new Error(
          `feed ${page.name}: the baseline's JSON differs from the API's\nours: ${JSON.stringify(a.body).slice(0, 600)}\nbaseline: ${JSON.stringify(b.body).slice(0, 600)}`,
        );
      await cannon(PORTS.baseline, baseline); // warm-up (JIT, plans, pools)
      await cannon(PORTS.api, ours);
      const rounds: { baseline: Measurement; ours: Measurement }[] = [];
      for (let round = 0; round < ROUNDS; round += 1)
        rounds.push({ baseline: await cannon(PORTS.baseline, baseline), ours: await cannon(PORTS.api, ours) });
      const ratios = rounds.map((r) => r.ours.requestsPerSecond / r.baseline.requestsPerSecond);
      const result = {
        statements: a.statements,
        baseline: {
          requestsPerSecond: median(rounds.map((r) => r.baseline.requestsPerSecond)),
          p50: median(rounds.map((r) => r.baseline.p50)),
          p99: median(rounds.map((r) => r.baseline.p99)),
        },
        ours: {
          requestsPerSecond: median(rounds.map((r) => r.ours.requestsPerSecond)),
          p50: median(rounds.map((r) => r.ours.p50)),
          p99: median(rounds.map((r) => r.ours.p99)),
        },
        ratio: median(ratios),
        ratioSpread: spread(ratios),
        errors: rounds.reduce((n, r) => n + r.ours.errors + r.baseline.errors, 0),
        rounds,
      };
      feed[page.name] = result;
      summary.push(
        `feed ${page.name}: baseline ${result.baseline.requestsPerSecond.toFixed(0)} req/s p50 ${result.baseline.p50} ms p99 ${result.baseline.p99} ms | ` +
          `lookbook ${result.ours.requestsPerSecond.toFixed(0)} req/s p50 ${result.ours.p50} ms p99 ${result.ours.p99} ms | ` +
          `ratio ${pct(result.ratio)} (${pct(result.ratioSpread.min)}–${pct(result.ratioSpread.max)} over ${ROUNDS} rounds) | ` +
          `SQL/request ${result.statements}${result.errors ? ` | ERRORS ${result.errors}` : ''}`,
      );
    }

    // 2. Statement counts: the model page's four requests at small and large counts; discover with card counts.
    const modelPage = {
      ModelPage: (id: string) => gql(webDocument('ModelPage'), { id }, token),
      SubjectReviews: (id: string) =>
        gql(webDocument('SubjectReviews'), { kind: 'MODEL', subjectId: id, first: 10, after: null }, token),
      ReviewEligibility: (id: string) => gql(webDocument('ReviewEligibility'), { kind: 'MODEL', subjectId: id }, token),
      DiscussionPage: (id: string) =>
        gql(webDocument('DiscussionPage'), { kind: 'MODEL', id, order: 'NEWEST', first: 20, after: null }, token),
    };
    // Per document, per size (signed in as buyer-1, who has not reviewed any of them), and anonymous where it can be.
    const statements: Record<string, Record<string, number>> = {};
    const conversation: Record<string, { reviews: number; comments: number }> = {};
    for (const [size, [id]] of Object.entries(SIZES)) {
      for (const [name, request] of Object.entries(modelPage)) {
        const signedIn = await call(PORTS.api, request(id));
        (statements[name] ??= {})[size] = signedIn.statements;
        if (name !== 'ReviewEligibility') {
          const anonymous = { ...request(id), headers: {} };
          (statements[`${name} (anonymous)`] ??= {})[size] = (await call(PORTS.api, anonymous)).statements;
        }
        if (name === 'ModelPage')
          (conversation[size] ??= { reviews: 0, comments: 0 }).reviews = (
            signedIn.body as { data: { styleModel: { rating: { count: number } } } }
          ).data.styleModel.rating.count;
        if (name === 'DiscussionPage')
          conversation[size]!.comments = (
            signedIn.body as { data: { discussion: { commentCount: number } } }
          ).data.discussion.commentCount;
      }
    }
    const withCounts = DISCOVER_QUERY.replace('id slug name type', 'id slug name type likeCount downloadCount');
    const discover: Record<string, number> = {};
    for (const cards of [2, 24])
      for (const [label, document] of [
        ['without counts', DISCOVER_QUERY],
        ['with counts', withCounts],
      ] as const)
        discover[`${cards} cards ${label}`] = (
          await call(PORTS.api, gql(document, { first: cards }, token))
        ).statements;

    const signedInTotal = (size: string) =>
      Object.entries(statements)
        .filter(([name]) => !name.endsWith('(anonymous)'))
        .reduce((n, [, s]) => n + s[size]!, 0);
    summary.push(
      `model page, statements per request at ${Object.entries(conversation)
        .map(([, c]) => `${c.reviews} reviews / ${c.comments} comments`)
        .join(' → ')}: ` +
        Object.entries(statements)
          .map(([name, s]) => `${name} ${Object.values(s).join(' → ')}`)
          .join(', ') +
        `; the four signed-in requests ${Object.keys(SIZES).map(signedInTotal).join(' → ')}`,
      `discover (signed in), statements: ${Object.entries(discover)
        .map(([name, n]) => `${name} ${n}`)
        .join(', ')}`,
    );
    const path = writeResult('community', {
      follows: FOLLOWS,
      creators: CREATORS,
      activities: counts.activities,
      followedActivities: counts.followed,
      rounds: ROUNDS,
      durationSeconds: DURATION,
      connections: CONNECTIONS,
      generationSeconds,
      feed,
      modelPageStatements: statements,
      modelPageConversation: conversation,
      discoverStatements: discover,
    });
    process.stdout.write(`${summary.join('\n')}\nwrote ${path}\n`);
    if (process.argv.includes('--hold')) {
      process.stdout.write(
        `holding the database open at ${server.url} (reader ${reader.id}), the API at http://127.0.0.1:${PORTS.api} (Ctrl-C ends)\n`,
      );
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    }
  } finally {
    await Promise.all(children.map(stopChild));
    await storage.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
