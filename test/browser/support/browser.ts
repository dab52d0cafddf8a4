import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { TestApi, TestApiOptions } from '../../e2e/support/test-api';
import { startTestApi } from '../../e2e/support/test-api';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const WEB_DIST = join(__dirname, '..', '..', '..', 'dist', 'web');

/** The API serving the built web client on a real port, and headless Chromium (Debian's package; see .ci/run). */
export async function startBrowserJourney(
  options: TestApiOptions = {},
): Promise<{ api: TestApi; browser: Browser; baseUrl: string; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('dist/web is missing: run "npm run build:web" first');
  const api = await startTestApi({ ...options, env: { WEB_DIST_DIR: WEB_DIST, ...options.env } });
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  return {
    api,
    browser,
    baseUrl,
    close: async () => {
      await browser.close();
      await api.close();
    },
  };
}
