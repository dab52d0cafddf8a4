import type { Browser } from 'playwright-core';
import { startBrowserJourney } from './support/browser';
import { checkPage } from './support/pages';

/** The app frame: every client URL loads it, titles and not-found make sense, private pages ask to sign in first. */
describe('web client served by the API', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    journey = await startBrowserJourney();
    ({ browser, baseUrl } = journey);
  });
  afterAll(() => journey?.close());

  it('renders the browse page with no script errors, a meaningful title, and hashed assets cached for good', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    const assets: { url: string; cacheControl: string | undefined }[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/assets/'))
        assets.push({ url: response.url(), cacheControl: response.headers()['cache-control'] });
    });
    const document = await page.goto(baseUrl);
    expect(document?.headers()['cache-control']).toBe('no-cache');
    await page.getByRole('heading', { name: 'Style models and ComfyUI workflows, licensed clearly.' }).waitFor();
    expect(await page.title()).toBe('Lookbook');
    expect(failures).toEqual([]);
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.every((a) => a.cacheControl === 'public, max-age=31536000, immutable')).toBe(true);
  });

  it('sends a signed-out person from a private page to sign in, keeping where they were going', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/orders/0190a5b0-0000-7000-8000-000000000001?checkout=success`);
    await page.waitForURL(/\/sign-in\?next=/);
    expect(decodeURIComponent(page.url())).toContain(
      'next=/orders/0190a5b0-0000-7000-8000-000000000001?checkout=success',
    );
    await page.goto(`${baseUrl}/earnings?onboarding=expired`);
    await page.waitForURL(/\/sign-in\?next=/);
    await checkPage(page, 'sign-in');
  });

  it('answers an unknown address with a page that says so, and a malformed filter by ignoring it', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${baseUrl}/models/not-a-uuid`);
    expect(response?.status()).toBe(404);
    await page.getByText('There is nothing at this address').waitFor();
    await page.goto(`${baseUrl}/?type=NOT_A_TYPE`);
    await page.getByRole('heading', { name: 'All models and templates' }).waitFor();
    // Dropped, not applied: no filter chip, and the search runs unfiltered.
    await page.getByTestId('result-count').or(page.getByTestId('empty-state')).first().waitFor();
    expect(await page.getByRole('button', { name: /remove filter/ }).count()).toBe(0);
  });

  it('works in dark mode and at phone width, with the menu reachable from the keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/verify`);
    await page.getByRole('heading', { name: 'Verify a licence' }).waitFor();
    const background = await page.evaluate('getComputedStyle(document.documentElement).backgroundColor');
    expect(background).toBe('rgb(18, 17, 16)');
    await page.getByRole('button', { name: 'Menu' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#mobile-nav').getByRole('link', { name: 'Browse' }).waitFor();
    await checkPage(page, 'verify-dark');
    await context.close();
  });
});
