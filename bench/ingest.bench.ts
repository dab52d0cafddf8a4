/**
 * Ingest benchmark (not a test): streams a generated .safetensors file through the ingest inspector (SHA-256 +
 * CRC32 + header validation in one pass) and, as the baseline measured in the same run over the same bytes, through a
 * plain createHash('sha256'). Each measurement runs in its own child process so peak RSS is the inspector's alone.
 *
 *   npm run bench:ingest            # 1 GiB and 4 GiB
 *   npm run bench:ingest -- 0.25    # sizes in GiB
 * Budgets (ARCHITECTURE.md §9): inspector throughput ≥ 95% of the baseline; peak RSS ≤ 150 MB whatever the size.
 * Writes bench/results/ingest.json.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectModelFile } from '@lookbook/catalog/ingest';
import { pct, writeResult } from './support';

const GIB = 1024 ** 3;
const CHUNK = 16 * 1024 * 1024;

/** A valid file: one F16 tensor filling `size` bytes (minus the header), written in 16 MiB chunks. */
function generate(path: string, size: number): void {
  let headerText = '';
  let dataBytes = 0;
  for (let pad = 0; pad < 64; pad += 1) {
    const guess = size - 8 - 128;
    dataBytes = guess - (guess % 2);
    headerText = JSON.stringify({ w: { dtype: 'U8', shape: [dataBytes], data_offsets: [0, dataBytes] } });
    headerText += ' '.repeat((8 - (headerText.length % 8)) % 8);
    if (8 + headerText.length + dataBytes <= size) break;
  }
  const fd = openSync(path, 'w');
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(headerText.length));
  writeSync(fd, prefix);
  writeSync(fd, Buffer.from(headerText));
  const chunk = Buffer.alloc(CHUNK, 7);
  for (let written = 0; written < dataBytes; written += CHUNK)
    writeSync(fd, chunk, 0, Math.min(CHUNK, dataBytes - written));
  closeSync(fd);
}

async function measure(mode: 'baseline' | 'inspect', path: string): Promise<void> {
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  const start = process.hrtime.bigint();
  let bytes = 0;
  if (mode === 'baseline') {
    const hash = createHash('sha256');
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    hash.digest('hex');
  } else {
    const result = await inspectModelFile(stream as AsyncIterable<Buffer>, { declaredSize: statSync(path).size });
    if (!result.ok) throw new Error(`generated file rejected: ${result.reason}`);
    bytes = result.size;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(
    JSON.stringify({ mbPerSecond: bytes / 1e6 / seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

function child(mode: string, path: string): { mbPerSecond: number; maxRssMb: number } {
  const out = execFileSync(
    process.execPath,
    [join(__dirname, '..', '..', '..', 'tools', 'register.js'), 'bench/ingest.bench.js', mode, path],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out) as { mbPerSecond: number; maxRssMb: number };
}

async function main(): Promise<void> {
  const [mode, path] = process.argv.slice(2);
  if (mode === 'baseline' || mode === 'inspect') return measure(mode, path!);

  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const dir = mkdtempSync(join(tmpdir(), 'lookbook-bench-'));
  const rows: string[] = [];
  const results: Record<string, number>[] = [];
  try {
    for (const gib of sizes.length ? sizes : [1, 4]) {
      const path = join(dir, `model-${gib}.safetensors`);
      generate(path, Math.round(gib * GIB));
      child('baseline', path); // warm the page cache so both sides read from memory
      // Alternate and keep the best of two each, to damp noise from the other core.
      const base = [child('baseline', path), child('baseline', path)];
      const insp = [child('inspect', path), child('inspect', path)];
      const b = Math.max(...base.map((r) => r.mbPerSecond));
      const i = Math.max(...insp.map((r) => r.mbPerSecond));
      const rss = Math.max(...insp.map((r) => r.maxRssMb));
      const baseRss = Math.max(...base.map((r) => r.maxRssMb));
      results.push({
        gib,
        baselineMBps: b,
        inspectorMBps: i,
        ratio: i / b,
        inspectorMaxRssMb: rss,
        baselineMaxRssMb: baseRss,
      });
      rows.push(
        `${gib.toFixed(2).padStart(6)} GiB | baseline sha256 ${b.toFixed(0).padStart(5)} MB/s | inspector ${i.toFixed(0).padStart(5)} MB/s | ` +
          `ratio ${pct(i / b).padStart(6)} (budget ≥ 95%) | peak RSS inspector ${rss.toFixed(0).padStart(4)} MB, baseline ${baseRss.toFixed(0).padStart(4)} MB (budget ≤ 150)`,
      );
      rmSync(path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const written = writeResult('ingest', { sizes: results });
  process.stdout.write(
    `ingest benchmark (${process.version}, ${process.arch})\n${rows.join('\n')}\nwrote ${written}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
