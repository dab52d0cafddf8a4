import 'reflect-metadata';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { loadConfigOrExit, resolveDatabase } from '@lookbook/core';
import { MIGRATIONS } from '@lookbook/migrations';
import { mailEnvironment, resolveMailTransport } from '@lookbook/notifications';
import { resolveObjectStorage, storageEnvironment } from '@lookbook/storage';
import { seedDemoContent } from './seed-demo';

/**
 * A larger young generation for the API: a page of cards allocates many short-lived objects, and with V8's default
 * 16 MB semi-spaces the scavenger runs several times per request (docs/performance.md).
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=32'];

/**
 * `npm start`: one database (embedded unless DATABASE_URL is set), migrated, then the API and the worker as child
 * processes sharing it. Ctrl-C stops everything in order.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const say = (line: string) => process.stdout.write(`[lookbook] ${line}\n`);
  const database = await resolveDatabase(config, MIGRATIONS, say);
  const register = join(__dirname, '..', '..', '..', 'tools', 'register.js');
  const storage = await resolveObjectStorage(config, say);
  const mail = await resolveMailTransport(config, say);
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    ...storageEnvironment(storage.settings),
    ...mailEnvironment(mail.smtpUrl),
  };
  const children: ChildProcess[] = [];
  let stopping = false;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await mail.stop();
    await storage.stop();
    await database.stop();
    process.exit(code);
  };

  for (const [name, entry] of [
    ['api', 'apps/api/src/main.js'],
    ['worker', 'apps/worker/src/main.js'],
  ] as const) {
    const flags = name === 'api' ? API_NODE_FLAGS : [];
    const child = spawn(process.execPath, [...flags, register, entry], { env, stdio: 'inherit' });
    child.on('exit', (code) => {
      if (!stopping) {
        say(`${name} exited (${code ?? 'signal'}); stopping the rest`);
        void stopAll(code || 1);
      }
    });
    children.push(child);
  }
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  // Where to open it: PUBLIC_URL when set; otherwise the listening address (loopback or all interfaces: localhost) —
  // any host that reaches it works, since pages derive their URLs from the origin they are on.
  const url =
    config.http.canonicalUrl ??
    `http://${['0.0.0.0', '::', '127.0.0.1'].includes(config.http.host) ? 'localhost' : config.http.host}:${config.http.port}`;
  await waitForHealthy(`http://${config.http.host}:${config.http.port}/healthz`);
  if (!config.isProduction) {
    const demo = await seedDemoContent(`http://${config.http.host}:${config.http.port}`, database.url);
    say(`demo catalog: ${demo.models} published models by 5 creators`);
    say(`demo creator: ${demo.login} / ${demo.password} (admin, payouts set up on the local gateway)`);
    for (const creator of demo.creators) say(`demo creator: ${creator.login} / ${creator.password}`);
    say(`demo buyer: ${demo.buyerLogin} / ${demo.buyerPassword} (licences, orders; pays with the local test checkout)`);
  }
  if (mail.embedded) say(`mail goes to the development inbox: ${url}/dev/inbox`);
  say(`Lookbook is running at ${url}  —  GraphQL: ${url}/graphql  —  Ctrl-C to stop`);
}

async function waitForHealthy(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the API did not become healthy at ${url}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`lookbook failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
