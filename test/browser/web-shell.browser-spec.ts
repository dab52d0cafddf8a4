import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { TestApi } from '../e2e/support/test-api';
import { startTestApi } from '../e2e/support/test-api';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const WEB_DIST = join(__dirname, '..', '..', 'dist', 'web');

describe('web client served by the API', () => {
  let api: TestApi;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    if (!existsSync(join(WEB_DIST, 'index.html')))
      throw new Error('dist/web is missing: run "npm run build:web" first');
    api = await startTestApi({ env: { WEB_DIST_DIR: WEB_DIST } });
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({
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
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('renders the page and shows the API as ready', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(baseUrl);
    await page.getByTestId('api-status').filter({ hasText: 'ready' }).waitFor({ timeout: 10_000 });
    expect(await page.title()).toBe('Lookbook');
    expect(failures).toEqual([]);
    if (process.env['SCREENSHOT_DIR'])
      await page.screenshot({ path: join(process.env['SCREENSHOT_DIR'], 'web-shell.png') });
  });

  it('loads the app where the payment provider sends buyers back', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/orders/0190a5b0-0000-7000-8000-000000000001?checkout=success`);
    await page.getByTestId('return-notice').filter({ hasText: 'Payment received' }).waitFor({ timeout: 10_000 });
    await page.goto(`${baseUrl}/earnings?onboarding=expired`);
    await page.getByTestId('return-notice').filter({ hasText: 'expired' }).waitFor({ timeout: 10_000 });
  });
});
