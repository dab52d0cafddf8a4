import { existsSync } from 'node:fs';
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
  // Listening on a port chosen up front, so PUBLIC_URL (and the media URLs built from it) name this server.
  const api = await startTestApi({ ...options, listen: true, env: { WEB_DIST_DIR: WEB_DIST, ...options.env } });
  const baseUrl = api.url!;
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
