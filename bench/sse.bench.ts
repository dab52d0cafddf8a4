/**
 * Live-notification benchmark (not a test): what 1,000 idle Server-Sent Events streams cost one API process, beside
 * 1,000 idle plain keep-alive HTTP connections to the same process in the same run.
 *
 *   npm run bench:sse                       # 1,000 streams (200 members × 5, the per-member cap)
 *   npm run bench:sse -- --streams 2000
 *
 * One API child process (`npm start`'s flags plus `--expose-gc`) with `bench/memory-probe.ts` preloaded: a side port
 * answering `process.memoryUsage()` after full collections, so RSS and heap are the API's alone (the clients live in
 * this process). Members and their sessions are inserted in bulk and their access tokens signed here with the
 * bench's AUTH_SECRET (sign-up would spend minutes hashing passwords). Phases, each sampled 5 times (median):
 * settled after warm-up → 1,000 idle keep-alive connections, one `/healthz` each → those closed → 1,000 streams, each
 * having received its first `unread` event → a follow by one member to another, timed until all 5 of the followed
 * member's streams show the new count (and no other stream moved) → every stream closed, until the process's
 * LISTEN connection closes (the hub closes it only when its map of streams is empty).
 */
import { request as httpRequest, Agent } from 'node:http';
import type { ClientRequest } from 'node:http';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createParser } from 'eventsource-parser';
import { SignJWT } from 'jose';
import { Client } from 'pg';
import { loadConfig, migrateDatabase, startEmbeddedPostgres } from '@lookbook/core';
import { MIGRATIONS } from '@lookbook/migrations';
import { resolveObjectStorage, storageEnvironment } from '@lookbook/storage';
import { API_NODE_FLAGS, startChild, stopChild, writeResult } from './support';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const STREAMS = arg('streams', 1000);
const PER_MEMBER = 5;
const MEMBERS = Math.ceil(STREAMS / PER_MEMBER);
const SAMPLES = 5;
const BATCH = 50;
const PORTS = { api: 54370, probe: 54371, s3: 54372, pg: 54373 };
const SECRET = 'bench-only-secret-with-at-least-32-characters';
const LISTENER = 'lookbook-notification-listener';

interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function probe(): Promise<Memory & { gc: boolean }> {
  const response = await fetch(`http://127.0.0.1:${PORTS.probe}/`);
  return (await response.json()) as Memory & { gc: boolean };
}

/**
 * The median of several samples, a second apart, each after full collections in the API process — taken once RSS has
 * settled (two probes a second apart within 1 MB: freed pages go back to the system over a few collections).
 */
async function sample(): Promise<Memory> {
  let last = (await probe()).rss;
  for (let i = 0; i < 30; i += 1) {
    await sleep(1000);
    const rss = (await probe()).rss;
    if (Math.abs(rss - last) < 1024 ** 2) break;
    last = rss;
  }
  const taken: Memory[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    taken.push(await probe());
    await sleep(1000);
  }
  const keys = ['rss', 'heapUsed', 'heapTotal', 'external', 'arrayBuffers'] as const;
  return Object.fromEntries(keys.map((k) => [k, median(taken.map((m) => m[k]))])) as unknown as Memory;
}

async function inBatches<T>(count: number, open: (i: number) => Promise<T>): Promise<T[]> {
  const all: T[] = [];
  for (let start = 0; start < count; start += BATCH)
    all.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => open(start + k)))));
  return all;
}

/** A raw keep-alive connection that made one request and now idles (its response read, the socket left open). */
function plainConnection(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(PORTS.api, '127.0.0.1', () =>
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n'),
    );
    let head = '';
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString();
      const end = head.indexOf('\r\n\r\n');
      const length = /content-length: *(\d+)/i.exec(head);
      if (end < 0 || !length) return;
      if (head.length - end - 4 < Number(length[1])) return;
      if (!head.startsWith('HTTP/1.1 200')) reject(new Error(`healthz answered ${head.split('\r\n')[0]}`));
      else resolve(socket);
    });
  });
}

interface Stream {
  memberIndex: number;
  counts: number[];
  events: number;
  request: ClientRequest;
  firstUnread: Promise<void>;
  onEvent?: () => void;
}

function openStream(agent: Agent, memberIndex: number, token: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    let gotFirst!: () => void;
    const firstUnread = new Promise<void>((r) => (gotFirst = r));
    const stream = { memberIndex, counts: [], events: 0, firstUnread } as unknown as Stream;
    const parser = createParser({
      onEvent: (event) => {
        if (event.event !== 'unread') return;
        stream.events += 1;
        stream.counts.push((JSON.parse(event.data) as { count: number }).count);
        gotFirst();
        stream.onEvent?.();
      },
    });
    stream.request = httpRequest(
      {
        host: '127.0.0.1',
        port: PORTS.api,
        path: '/api/v1/me/notifications/stream',
        agent,
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      },
      (response) => {
        if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => parser.feed(chunk));
        response.on('error', () => undefined);
        resolve(stream);
      },
    );
    stream.request.on('error', (error) => (stream.events ? undefined : reject(error)));
    stream.request.end();
  });
}

async function listeners(db: Client): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`,
    [LISTENER],
  );
  return rows[0]!.n;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lookbook-bench-sse-'));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: join(dir, 'pg'),
    port: PORTS.pg,
    database: 'bench',
    persistent: false,
  });
  const config = loadConfig({ DATA_DIR: dir, EMBEDDED_S3_PORT: String(PORTS.s3) });
  const storage = await resolveObjectStorage(config, () => undefined);
  let api: Awaited<ReturnType<typeof startChild>> | undefined;
  const db = new Client({ connectionString: server.url });
  try {
    await migrateDatabase(server.url, MIGRATIONS);
    await db.connect();
    // Members and one session each, in bulk; their access tokens are signed as the API signs them.
    const members = (
      await db.query<{ id: string; session_id: string }>(
        `WITH u AS (
           INSERT INTO identity.user (id, handle, email, display_name, password_hash, password_changed_at)
           SELECT gen_random_uuid(), 'sse-bench-' || i, 'sse-bench-' || i || '@example.test', 'SSE bench ' || i, 'unused', now() - interval '1 hour'
             FROM generate_series(1, $1) i
           RETURNING id, handle)
         INSERT INTO identity.session (id, user_id, expires_at)
         SELECT gen_random_uuid(), u.id, now() + interval '1 day' FROM u ORDER BY u.handle
         RETURNING user_id AS id, id AS session_id`,
        [MEMBERS],
      )
    ).rows;
    const secret = new TextEncoder().encode(SECRET);
    const tokens = await Promise.all(
      members.map((m) =>
        new SignJWT({ sid: m.session_id })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setSubject(m.id)
          .setIssuer('lookbook')
          .setAudience('lookbook-api')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(secret),
      ),
    );

    api = await startChild(
      'apps/api/src/main.js',
      {
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        PORT: String(PORTS.api),
        DATABASE_URL: server.url,
        DATA_DIR: dir,
        MEDIA_PUBLIC_URL: `http://127.0.0.1:${PORTS.api}/media`,
        AUTH_SECRET: SECRET,
        WEB_DIST_DIR: join(dir, 'no-web'),
        BENCH_PROBE_PORT: String(PORTS.probe),
        ...storageEnvironment(storage.settings),
      },
      `http://127.0.0.1:${PORTS.api}/readyz`,
      [...API_NODE_FLAGS, '--expose-gc', '-r', join(process.cwd(), 'dist', 'server', 'bench', 'memory-probe.js')],
    );
    if (!(await probe()).gc) throw new Error('the API child has no gc(): --expose-gc did not reach it');
    const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

    // Warm-up: both paths once at a small scale, so JIT and pools are not charged to the first phase.
    const warmSockets = await inBatches(PER_MEMBER * 10, () => plainConnection());
    warmSockets.forEach((s) => s.destroy());
    const warmStreams = await inBatches(PER_MEMBER * 10, (i) => openStream(agent, i % MEMBERS, tokens[i % MEMBERS]!));
    await Promise.all(warmStreams.map((s) => s.firstUnread));
    warmStreams.forEach((s) => s.request.destroy());
    while ((await listeners(db)) > 0) await sleep(100);
    await sleep(1000);

    const settled = await sample();
    let started = Date.now();
    const sockets = await inBatches(STREAMS, () => plainConnection());
    const plainOpenSeconds = (Date.now() - started) / 1000;
    let plainClosedEarly = 0;
    sockets.forEach((s) => s.once('close', () => (plainClosedEarly += 1)));
    const withPlain = await sample();
    const plainStillOpen = STREAMS - plainClosedEarly;
    sockets.forEach((s) => s.destroy());
    await sleep(2000);
    const afterPlain = await sample();

    started = Date.now();
    const streams = await inBatches(STREAMS, (i) => openStream(agent, i % MEMBERS, tokens[i % MEMBERS]!));
    await Promise.all(streams.map((s) => s.firstUnread));
    const streamOpenSeconds = (Date.now() - started) / 1000;
    const listenersOpen = await listeners(db);
    const withStreams = await sample();

    // One notification to one member: member 0 follows member 1; all 5 of member 1's streams get the new count.
    const followed = streams.filter((s) => s.memberIndex === 1);
    const eventsBefore = streams.reduce((n, s) => n + s.events, 0);
    started = performance.now();
    const arrivals: number[] = [];
    const allArrived = Promise.all(
      followed.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.onEvent = () => {
              if (s.counts.at(-1) !== 1) return;
              arrivals.push(performance.now() - started);
              resolve();
            };
          }),
      ),
    );
    const response = await fetch(`http://127.0.0.1:${PORTS.api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` },
      body: JSON.stringify({
        query: `mutation($id: UUID!) { follow(kind: USER, id: $id) { following } }`,
        variables: { id: members[1]!.id },
      }),
    });
    const mutationMs = performance.now() - started;
    const body = (await response.json()) as { data?: { follow?: { following: boolean } }; errors?: unknown };
    if (!body.data?.follow?.following) throw new Error(`the follow failed: ${JSON.stringify(body.errors)}`);
    await Promise.race([
      allArrived,
      sleep(10_000).then(() => {
        throw new Error(`the count reached ${arrivals.length} of ${followed.length} streams within 10 s`);
      }),
    ]);
    await sleep(500); // anything misrouted would show up by now
    const eventsAfter = streams.reduce((n, s) => n + s.events, 0);
    const strayEvents = eventsAfter - eventsBefore - followed.length;

    started = Date.now();
    streams.forEach((s) => s.request.destroy());
    while ((await listeners(db)) > 0) {
      if (Date.now() - started > 30_000) throw new Error('the LISTEN connection stayed open 30 s after every stream');
      await sleep(100);
    }
    const drainMs = Date.now() - started;
    await sleep(2000);
    const afterStreams = await sample();
    agent.destroy();

    const plainPer = (withPlain.rss - settled.rss) / STREAMS;
    const plainHeapPer = (withPlain.heapUsed - settled.heapUsed) / STREAMS;
    const ssePer = (withStreams.rss - afterPlain.rss) / STREAMS;
    const sseHeapPer = (withStreams.heapUsed - afterPlain.heapUsed) / STREAMS;
    const phases = { settled, withPlain, afterPlain, withStreams, afterStreams };
    const lines = Object.entries(phases).map(
      ([name, m]) =>
        `  ${name.padEnd(13)} RSS ${mb(m.rss).padStart(9)}  heap used ${mb(m.heapUsed).padStart(8)}  external ${mb(m.external).padStart(8)}`,
    );
    const sorted = [...arrivals].sort((a, b) => a - b);
    process.stdout.write(
      [
        `sse bench: ${STREAMS} connections (${MEMBERS} members × ${PER_MEMBER}), medians of ${SAMPLES} samples after full GC`,
        ...lines,
        `plain keep-alive: ${STREAMS} opened in ${plainOpenSeconds.toFixed(1)} s, ${plainStillOpen} still open when sampled; ` +
          `per connection RSS ${kb(plainPer)}, heap ${kb(plainHeapPer)}`,
        `SSE streams:      ${STREAMS} opened and counted in ${streamOpenSeconds.toFixed(1)} s, ${listenersOpen} LISTEN connection(s); ` +
          `per stream RSS ${kb(ssePer)}, heap ${kb(sseHeapPer)} (${(ssePer / plainPer).toFixed(1)}× a plain connection's RSS, ` +
          `${(sseHeapPer / plainHeapPer).toFixed(1)}× its heap)`,
        `one follow with ${STREAMS} open: mutation answered in ${mutationMs.toFixed(0)} ms; the followed member's ${followed.length} streams got the count after ` +
          `${sorted[0]!.toFixed(0)}–${sorted.at(-1)!.toFixed(0)} ms (${(sorted.at(-1)! - mutationMs).toFixed(0)} ms after its answer; ` +
          `the hub coalesces for 100 ms); ${strayEvents} events on other streams`,
        `all closed: LISTEN connection gone (hub map empty) ${drainMs} ms after; RSS ${mb(afterStreams.rss)} ` +
          `(${mb(afterStreams.rss - afterPlain.rss)} above before the streams), heap ${mb(afterStreams.heapUsed)} ` +
          `(${mb(afterStreams.heapUsed - afterPlain.heapUsed)} above)`,
      ].join('\n') + '\n',
    );
    const path = writeResult('sse', {
      streams: STREAMS,
      members: MEMBERS,
      samples: SAMPLES,
      phases,
      plain: { perConnectionRss: plainPer, perConnectionHeap: plainHeapPer, stillOpen: plainStillOpen },
      sse: {
        perStreamRss: ssePer,
        perStreamHeap: sseHeapPer,
        rssRatioToPlain: ssePer / plainPer,
        heapRatioToPlain: sseHeapPer / plainHeapPer,
        openSeconds: streamOpenSeconds,
        listeners: listenersOpen,
      },
      notify: { mutationMs, arrivalsMs: sorted, strayEvents },
      close: {
        drainMs,
        rssAboveBefore: afterStreams.rss - afterPlain.rss,
        heapAboveBefore: afterStreams.heapUsed - afterPlain.heapUsed,
      },
    });
    process.stdout.write(`wrote ${path}\n`);
  } finally {
    await db.end().catch(() => undefined);
    if (api) await stopChild(api);
    await storage.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
