/**
 * Lighthouse (12.2.3, Debian Chromium) against a running Lookbook — the browse page and the newest model's page —
 * printing the performance, accessibility and best-practices scores and the core timings (issue 12 reports them in
 * docs/performance.md). Start the app first (`npm start`), then:
 *   npm run lighthouse [-- http://localhost:3000]
 * Lighthouse's default profile: a mobile viewport, simulated slow 4G and a 4× CPU slowdown.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = (process.argv[2] ?? 'http://localhost:3000').replace(/\/$/, '');
const chrome = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
const bin = join(__dirname, '..', '..', '..', 'node_modules', 'lighthouse', 'cli', 'index.js');

interface Report {
  categories: Record<string, { title: string; score: number }>;
  audits: Record<string, { displayValue?: string }>;
}

async function newestModelId(): Promise<string> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ styleModels(first: 1) { edges { node { id } } } }' }),
  });
  const body = (await response.json()) as { data?: { styleModels: { edges: { node: { id: string } }[] } } };
  const id = body.data?.styleModels.edges[0]?.node.id;
  if (!id) throw new Error(`no published model at ${base}: is the app running with the demo content?`);
  return id;
}

async function main(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'lookbook-lighthouse-'));
  const pages = [
    ['browse', '/'],
    ['model', `/models/${await newestModelId()}`],
  ] as const;
  for (const [name, path] of pages) {
    const file = join(out, `${name}.json`);
    execFileSync(
      process.execPath,
      [
        bin,
        `${base}${path}`,
        '--quiet',
        '--only-categories=performance,accessibility,best-practices',
        '--output=json',
        `--output-path=${file}`,
        '--chrome-flags=--headless=new --no-sandbox',
      ],
      { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } },
    );
    const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
    const scores = Object.values(report.categories).map((c) => `${c.title} ${Math.round(c.score * 100)}`);
    const timings = [
      'first-contentful-paint',
      'largest-contentful-paint',
      'total-blocking-time',
      'cumulative-layout-shift',
    ].map((id) => `${id.replace(/-/g, ' ')} ${report.audits[id]?.displayValue ?? '?'}`);
    process.stdout.write(`${name} (${path}): ${scores.join(', ')}\n  ${timings.join(', ')}\n  report: ${file}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
