import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startBrowserJourney } from './support/browser';

describe('web client served by the API', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    journey = await startBrowserJourney();
    ({ browser, baseUrl } = journey);
  });
  afterAll(() => journey?.close());

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
