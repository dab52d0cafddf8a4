import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { buildSafetensors } from '@lookbook/testing';
import { startTestWorker } from '../e2e/support/test-worker';
import { startBrowserJourney } from './support/browser';
import { checkPage } from './support/pages';

/**
 * The marketplace as people use it, in Chromium against the real API, worker, storage and local payment gateway:
 * a creator publishes a model through the studio (a real .safetensors through Uppy), a buyer finds it, pays through
 * the local checkout, downloads exactly those bytes and verifies the certificate; the creator sees the sale and its
 * split; a forged certificate shows as forged. Every page is checked with axe and photographed at 390 and 1280 px.
 */
describe('marketplace journey', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let worker: INestApplicationContext;
  let browser: Browser;
  let creatorContext: BrowserContext;
  let buyerContext: BrowserContext;
  let creator: Page;
  let buyer: Page;
  const modelName = `Harbour Lights ${Date.now() % 100000}`;
  // Two 8 MiB parts: Uppy uploads it in parts straight to storage.
  const weights = buildSafetensors(
    [
      { name: 'lora_unet.down.weight', dtype: 'F16', shape: [2048, 2560] },
      { name: 'lora_unet.up.weight', dtype: 'F16', shape: [64, 64] },
    ],
    { metadata: { ss_network_dim: '16', 'modelspec.title': 'Harbour Lights' }, fill: 'random' },
  );
  const weightsSha256 = createHash('sha256').update(weights).digest('hex');
  let certificate = '';
  const creatorHandle = `harbour-${Date.now() % 100000}`;

  beforeAll(async () => {
    journey = await startBrowserJourney({ env: { PLATFORM_FEE_BPS: '1000' } });
    worker = await startTestWorker(journey.api.db.url, {
      env: {
        LOCAL_GATEWAY_WEBHOOK_URL: `${journey.baseUrl}/webhooks/stripe`,
        PLATFORM_FEE_BPS: '1000',
        DATA_DIR: journey.api.dataDir,
      },
    });
    browser = journey.browser;
    creatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    buyerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    creator = await creatorContext.newPage();
    buyer = await buyerContext.newPage();
  });
  afterAll(async () => {
    await worker?.close();
    await journey?.close();
  });

  const url = (path: string) => `${journey.baseUrl}${path}`;

  async function signUp(page: Page, handle: string) {
    await page.goto(url('/sign-up'));
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Display name').fill(handle.replace(/-\d+$/, ''));
    await page.getByLabel('Email').fill(`${handle}@example.test`);
    await page.getByLabel('Password').fill('lantern-harbor-violet-93');
    await page.getByText(/I accept the terms/).click();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('account-link').waitFor();
  }

  it('shows the empty catalog, then a creator signs up', async () => {
    await creator.goto(url('/browse'));
    await creator.getByTestId('empty-state').waitFor();
    await checkPage(creator, 'browse-empty');
    await creator.goto(url('/sign-up'));
    await creator.getByLabel('Handle').fill('x');
    await creator.getByLabel('Email').fill('not-an-email');
    await creator.getByLabel('Password').fill('short');
    await creator.getByRole('button', { name: 'Create account' }).click();
    // A typed error in a plain sentence, next to its field; nothing was created.
    await creator.getByTestId('field-error').first().waitFor();
    await checkPage(creator, 'sign-up');
    await signUp(creator, creatorHandle);
  });

  it('creates a model and a version in the studio', async () => {
    await creator.goto(url('/studio'));
    await creator.getByTestId('empty-state').waitFor();
    await checkPage(creator, 'studio-empty');
    await creator.getByRole('link', { name: 'Create your first model' }).click();
    await creator.getByLabel('Name').fill(modelName);
    await creator.getByRole('button', { name: /Base model/ }).click();
    await creator.getByRole('option', { name: 'SDXL 1.0' }).click();
    await creator.getByLabel('Description').fill('Warm harbour lights at dusk, in loose brushwork.');
    await creator.getByLabel('Tags').fill('harbour, dusk, painterly');
    await checkPage(creator, 'studio-new-model');
    await creator.getByRole('button', { name: 'Create draft' }).click();
    await creator.waitForURL(/\/studio\/models\//);
    await creator.getByRole('heading', { name: modelName }).waitFor();
    await checkPage(creator, 'studio-model');
    await creator.getByRole('button', { name: 'Create version' }).click();
    await creator.waitForURL(/\/studio\/versions\//);
  });

  it('uploads the weights through Uppy with progress, adds a sample and sets offers (bad input shown in place)', async () => {
    await creator.locator('input[type=file][accept*=".safetensors"]').setInputFiles({
      name: 'harbour_lights.safetensors',
      mimeType: 'application/octet-stream',
      buffer: weights,
    });
    await creator.getByRole('progressbar').first().waitFor();
    await creator.locator('[data-testid=version-file][data-status=READY]').waitFor({ timeout: 30_000 });
    expect(await creator.getByTestId('version-file').textContent()).toContain(weightsSha256);

    const sample = await sharp({
      create: { width: 640, height: 960, channels: 3, background: { r: 210, g: 120, b: 60 } },
    })
      .png()
      .toBuffer();
    await creator.locator('input[type=file][accept*="image/png"]').setInputFiles({
      name: 'dusk.png',
      mimeType: 'image/png',
      buffer: sample,
    });
    await creator.getByTestId('studio-sample').waitFor();

    const commercial = creator.getByTestId('offer-COMMERCIAL');
    await commercial.getByLabel('Price').fill('abc');
    await commercial.getByText('Enter a price like 12.50').waitFor();
    expect(await creator.getByRole('button', { name: 'Save offers' }).isDisabled()).toBe(true);
    await commercial.getByLabel('Price').fill('12.50');
    await commercial.getByLabel('Credit line').fill('Harbour Lights by its creator');
    await commercial.getByRole('button', { name: 'Preview terms' }).click();
    expect(await creator.getByTestId('terms-preview').textContent()).toContain('Harbour Lights by its creator');
    await creator.getByRole('button', { name: 'Save offers' }).click();
    await creator.getByText('Offers saved.').waitFor();
    await checkPage(creator, 'studio-version');
  });

  it('publishes the version', async () => {
    await creator.getByRole('button', { name: /^Publish v1\.0/ }).click();
    await creator.getByText('Published: files and details are fixed.').waitFor();
    await creator.goto(url(`/u/${creatorHandle}`));
    await creator.getByTestId('model-card').filter({ hasText: modelName }).waitFor();
    await checkPage(creator, 'profile');
  });

  it('a buyer finds it, buys it through the local checkout, and gets the licence on the order page', async () => {
    await signUp(buyer, `collector-${Date.now() % 100000}`);
    await buyer.goto(url('/library'));
    await buyer.getByText('You have no licences yet').waitFor();
    await checkPage(buyer, 'library-empty');
    // Found by a misspelled word typed into the search box, narrowed by what the licence allows.
    await buyer.goto(url('/browse'));
    await buyer.getByTestId('search-input').fill('harbuor lights');
    await buyer.getByTestId('search-input').press('Enter');
    await buyer.waitForURL(/q=harbuor/);
    await buyer.getByText('Showing results for').waitFor();
    const card = buyer.getByTestId('model-card').filter({ hasText: modelName });
    await card.waitFor();
    await buyer.getByTestId('facet-commercial').click();
    await buyer.waitForURL(/commercial=true/);
    await card.waitFor();
    await checkPage(buyer, 'browse');
    // A word that matches nothing is left out, and the page says so; the card shows what the licences cost.
    for (const [typed, dropped, shown] of [
      ['harbour lights cta', 'cta', 'harbour lights'],
      ['qqzx harbour', 'qqzx', 'harbour'],
    ] as const) {
      await buyer.getByTestId('search-input').fill(typed);
      await buyer.getByTestId('search-input').press('Enter');
      const message = `No results for “${dropped}” — showing results for “${shown}”.`;
      await buyer.getByTestId('dropped-words').filter({ hasText: message }).waitFor();
      expect(await buyer.getByTestId('dropped-words').textContent()).toBe(message);
      await card.waitFor();
    }
    expect(await card.getByTestId('card-price').textContent()).toMatch(/^(Free · )?(Personal|Commercial) \$\d+\.\d\d$/);
    await checkPage(buyer, 'search-dropped-words');
    await buyer.getByTestId('search-input').fill('harbuor lights');
    await buyer.getByTestId('search-input').press('Enter');
    await buyer.waitForURL(/q=harbuor.*commercial=true|commercial=true.*q=harbuor/);
    await card.waitFor();
    // Exclusion: a tag found through the tag box and hidden takes the model out; removing the chip brings it back.
    await buyer.getByTestId('tag-finder').fill('pain');
    await buyer.getByRole('button', { name: 'Hide #painterly' }).click();
    await buyer.waitForURL(/[?&]not=painterly(&|$)/);
    await card.waitFor({ state: 'detached' });
    // Nothing left: the help offers to relax that exclusion.
    await buyer.getByTestId('empty-state').getByRole('button', { name: 'Not #painterly' }).waitFor();
    await checkPage(buyer, 'search-no-results');
    await buyer.getByRole('button', { name: 'Not #painterly (remove filter)' }).click();
    await card.waitFor();
    // The URL is the search: loading it again shows the same results.
    const shared = buyer.url();
    await buyer.goto(shared);
    await card.waitFor();
    expect(buyer.url()).toBe(shared);
    // The creator is a result too.
    await buyer.getByTestId('search-input').fill(creatorHandle);
    await buyer.getByTestId('search-input').press('Enter');
    await buyer
      .getByTestId('creator-result')
      .filter({ hasText: `@${creatorHandle}` })
      .waitFor();
    // A file hash typed into the box finds its model exactly.
    await buyer.getByTestId('search-input').fill(weightsSha256);
    await buyer.getByTestId('search-input').press('Enter');
    await buyer.getByText('This file hash belongs to the model below.').waitFor();
    await card.waitFor();
    await checkPage(buyer, 'search-hash');
    await card.getByRole('heading', { name: modelName }).getByRole('link').click();
    await buyer.getByTestId('permissions-matrix').waitFor();
    await checkPage(buyer, 'model-page');
    await buyer.getByRole('button', { name: /Buy Commercial/ }).click();
    await buyer.waitForURL(/\/local-gateway\/checkout\//);
    await buyer.getByRole('button', { name: /Pay with test card/ }).click();
    await buyer.waitForURL(/\/orders\/.+checkout=success/);
    await buyer.getByTestId('order-licensed').waitFor({ timeout: 30_000 });
    await checkPage(buyer, 'order');
  });

  it('downloads exactly the bytes licensed', async () => {
    await buyer.getByRole('link', { name: 'Download the files' }).click();
    const download = buyer.waitForEvent('download');
    await buyer.getByRole('button', { name: /Download harbour_lights/ }).click();
    const path = await (await download).path();
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(weightsSha256);
  });

  it('verifies the certificate in the browser from the library, and shows a forged one as forged', async () => {
    await buyer.goto(url('/library'));
    const licence = buyer.getByTestId('licence').filter({ hasText: modelName });
    await licence.waitFor();
    await checkPage(buyer, 'library');
    certificate = decodeURIComponent(
      (await licence.getByTestId('verify-link').getAttribute('href'))!.replace(/^\/verify#/, ''),
    );
    await licence.getByTestId('verify-link').click();
    await buyer.locator('[data-testid=verify-result][data-verdict=valid]').waitFor();
    expect(await buyer.getByTestId('covered-hash').allTextContents()).toContain(weightsSha256);
    await buyer.locator('input[type=file]').last().setInputFiles({
      name: 'harbour_lights.safetensors',
      mimeType: 'application/octet-stream',
      buffer: weights,
    });
    await buyer.getByText('harbour_lights.safetensors is covered by this licence').waitFor();
    await checkPage(buyer, 'verify-valid');

    // Anyone, signed out, with a certificate whose claims were edited: the signature no longer matches.
    const [header, payload, signature] = certificate.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = [
      header,
      Buffer.from(JSON.stringify({ ...claims, tier: 'EXCLUSIVE' })).toString('base64url'),
      signature,
    ].join('.');
    const anonymous = await browser.newPage();
    await anonymous.goto(url(`/verify#${forged}`));
    await anonymous.locator('[data-testid=verify-result][data-verdict=forged]').waitFor();
    expect(await anonymous.getByTestId('verify-result').textContent()).toMatch(/signature does not match/i);
    await checkPage(anonymous, 'verify-forged');
    await anonymous.close();
  });

  it('the creator sees the sale and its split in earnings', async () => {
    await creator.goto(url('/earnings'));
    const sale = creator.getByTestId('sale').filter({ hasText: modelName });
    await sale.waitFor();
    // $12.50, a 10% platform fee, the rest to the seller.
    expect(await sale.textContent()).toContain('$12.50');
    expect(await sale.getByTestId('sale-split').textContent()).toContain('$11.25');
    await checkPage(creator, 'earnings');
  });

  it('gives staff their page once an operator makes them admin', async () => {
    await journey.api.db.query(`UPDATE identity.user SET roles = '{admin}' WHERE handle = $1`, [creatorHandle]);
    await creator.goto(url('/staff'));
    await creator.getByRole('heading', { name: 'Money review queue' }).waitFor();
    await creator.getByRole('heading', { name: 'Set roles' }).waitFor();
    await checkPage(creator, 'staff');
  });

  it('keeps account pages usable: sessions, API keys (shown once), the content maturity search follows', async () => {
    await creator.goto(url('/account'));
    await creator.getByTestId('session').first().waitFor();
    await creator.getByLabel('Key name').fill('ComfyUI');
    await creator.getByRole('button', { name: 'Create key' }).click();
    const secret = await creator.getByTestId('api-key-secret').textContent();
    expect(secret?.length).toBeGreaterThan(20);
    await creator.getByTestId('api-key').first().waitFor();
    await checkPage(creator, 'account');
    await creator.reload();
    await creator.getByTestId('api-key').first().waitFor();
    expect(await creator.getByTestId('api-key-secret').count()).toBe(0);
    // Content maturity: saved here, followed by search (its chip says what is shown).
    await creator.goto(url('/browse'));
    expect(await creator.getByTestId('maturity-chip').textContent()).toContain('Safe and suggestive only');
    await creator.goto(url('/account'));
    await creator.getByLabel('Show models rated').selectOption('MATURE');
    await creator.getByRole('button', { name: 'Save' }).click();
    await creator.getByText('Saved. Search now follows this setting.').waitFor();
    await creator.goto(url('/browse'));
    await creator.getByTestId('maturity-chip').filter({ hasText: 'Up to mature' }).waitFor();
  });
});
