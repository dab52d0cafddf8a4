import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** Where every benchmark writes its JSON (`bench/results/<name>.json`), read back by `npm run bench` for its table. */
export const RESULTS_DIR = join(process.cwd(), 'bench', 'results');

export function machine(): Record<string, unknown> {
  return { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: totalmem() / 1024 ** 3 };
}

export function writeResult(name: string, result: Record<string, unknown>): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(
    path,
    `${JSON.stringify({ name, at: new Date().toISOString(), machine: machine(), ...result }, null, 2)}\n`,
  );
  return path;
}

/** The API runs with the flags `npm start` (and the image) give it. */
export const API_NODE_FLAGS = ['--max-semi-space-size=32'];

/** Runs a compiled entry (path inside dist/server) as a child process; resolves once `readyUrl` answers 200. */
export async function startChild(
  entry: string,
  env: Record<string, string>,
  readyUrl: string,
  nodeFlags: string[] = [],
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeFlags, join(process.cwd(), 'tools', 'register.js'), entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${entry} exited (${child.exitCode}):\n${errors}`);
    const ok = await fetch(readyUrl).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${entry} was not ready within 60 s:\n${errors}`);
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const pct = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;
