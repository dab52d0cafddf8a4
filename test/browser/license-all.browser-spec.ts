import type { INestApplicationContext } from '@nestjs/common';
import type { Page } from 'playwright-core';
import { OFFERS } from '@lookbook/testing';
import { startTestWorker } from '../e2e/support/test-worker';
import { publishedVersion } from '../e2e/support/versions';
import { world } from '../e2e/support/world';
import { startBrowserJourney } from './support/browser';
import { checkPage } from './support/pages';

/** A ComfyUI API prompt that loads a checkpoint and a LoRA by file name (what the checker reads). */
const workflow = (checkpoint: string, lora: string) =>
  JSON.stringify({
    '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: checkpoint } },
    '10': {
      class_type: 'LoraLoader',
      inputs: { lora_name: lora, strength_model: 0.8, strength_clip: 0.8, model: ['4', 0], clip: ['4', 1] },
    },
    '6': { class_type: 'CLIPTextEncode', inputs: { text: 'a harbour at dusk', clip: ['10', 1] } },
    '7': { class_type: 'CLIPTextEncode', inputs: { text: 'blurry', clip: ['10', 1] } },
    '5': { class_type: 'EmptyLatentImage', inputs: { width: 512, height: 512, batch_size: 1 } },
    '3': {
      class_type: 'KSampler',
      inputs: {
        seed: 42,
        steps: 20,
        cfg: 7,
        sampler_name: 'euler',
        scheduler: 'normal',
        denoise: 1,
        model: ['10', 0],
        positive: ['6', 0],
        negative: ['7', 0],
        latent_image: ['5', 0],
      },
    },
  });

/**
 * "Can I use this?" to "licensed", in one checkout: a buyer drops a workflow that loads two models they hold no
 * licence for, sees the total and licenses both at once, pays once on the local gateway, gets a receipt of two lines
 * (and can refund one of them), and finds both in the library.
 */
describe('licensing everything a workflow needs in one checkout', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let worker: INestApplicationContext | undefined;
  let buyer: Page;
  const url = (path: string) => `${journey.baseUrl}${path}`;

  beforeAll(async () => {
    journey = await startBrowserJourney({});
    // The worker ingests the models' files and delivers the local gateway's webhooks, as in production.
    worker = await startTestWorker(journey.api.db.url, {
      env: { LOCAL_GATEWAY_WEBHOOK_URL: `${journey.baseUrl}/webhooks/stripe`, DATA_DIR: journey.api.dataDir },
    });
    const [painter, inker] = [await world(journey.api).member(), await world(journey.api).member()];
    const base = await publishedVersion(journey.api, painter, { offers: [OFFERS.personal, OFFERS.commercial] });
    const lora = await publishedVersion(journey.api, inker, {
      offers: [OFFERS.personal, { ...OFFERS.commercial, priceAmount: 1250 }],
    });
    for (const [file, name] of [
      [base.fileId, 'harbour-base-v2.safetensors'],
      [lora.fileId, 'ink-wash-lora.safetensors'],
    ] as const) {
      await journey.api.db.query(`UPDATE catalog.model_file SET file_name = $2 WHERE id = $1`, [file, name]);
    }
    buyer = await (await journey.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await journey?.close();
  });

  it('checks a workflow, licenses both missing models in one payment, and gets one receipt of two lines', async () => {
    const handle = `studio-${Date.now() % 100000}`;
    await buyer.goto(url('/sign-up'));
    await buyer.getByLabel('Handle').fill(handle);
    await buyer.getByLabel('Display name').fill('Harbour Posters');
    await buyer.getByLabel('Email').fill(`${handle}@example.test`);
    await buyer.getByLabel('Password').fill('lantern-harbor-violet-93');
    await buyer.getByText(/I accept the terms/).click();
    await buyer.getByRole('button', { name: 'Create account' }).click();
    await buyer.getByTestId('account-link').filter({ hasText: 'Harbour Posters' }).waitFor({ state: 'attached' });

    await buyer.goto(url('/check'));
    await buyer.getByTestId('check-file').setInputFiles({
      name: 'harbour.json',
      mimeType: 'application/json',
      buffer: Buffer.from(workflow('harbour-base-v2.safetensors', 'ink-wash-lora.safetensors')),
    });
    const offer = buyer.getByTestId('license-all');
    await offer.waitFor();
    // Two licences missing, €49.00 + €12.50: the total and one button for both.
    expect(await buyer.getByTestId('license-all-total').textContent()).toContain('Missing: 2 licences · €61.50');
    const button = offer.getByRole('button', { name: 'License all 2 — €61.50' });
    await button.waitFor();
    await checkPage(buyer, 'check-license-all');

    await button.click();
    await buyer.waitForURL(/\/local-gateway\/checkout\//);
    expect(await buyer.locator('.lines li').count()).toBe(2);
    await buyer.getByText('€61.50').waitFor();
    await checkPage(buyer, 'local-gateway-two-lines');
    await buyer.getByRole('button', { name: /Pay with test card/ }).click();
    await buyer.waitForURL(/\/orders\/.+checkout=success/);
    await buyer.getByTestId('order-licensed').waitFor({ timeout: 30_000 });
    await buyer.getByText('your 2 licences are ready', { exact: false }).waitFor();
    expect(await buyer.getByTestId('order-line').count()).toBe(2);
    expect(await buyer.getByTestId('order-total').textContent()).toBe('€61.50');
    expect(await buyer.getByTestId('order-line-status').allTextContents()).toEqual(['Paid', 'Paid']);
    await checkPage(buyer, 'order-two-lines');
    const receipt = buyer.url();

    // The checker now finds both covered: nothing left to license.
    await buyer.goto(url('/check'));
    await buyer.getByTestId('check-file').setInputFiles({
      name: 'harbour.json',
      mimeType: 'application/json',
      buffer: Buffer.from(workflow('harbour-base-v2.safetensors', 'ink-wash-lora.safetensors')),
    });
    await buyer.locator('[data-testid="rollup-line"][data-status="HELD"]').nth(1).waitFor();
    const rows = buyer.getByTestId('rollup-line');
    const statuses = [await rows.nth(0).getAttribute('data-status'), await rows.nth(1).getAttribute('data-status')];
    expect(await rows.count()).toBe(2);
    expect(statuses).toEqual(['HELD', 'HELD']);
    expect(await buyer.getByTestId('license-all').count()).toBe(0);

    // Refund one of the two, with a reason, from the receipt: that licence ends, the other stays.
    await buyer.goto(receipt);
    await buyer.getByTestId('order-line').nth(1).getByRole('button', { name: 'Refund this licence' }).click();
    const dialog = buyer.getByRole('dialog');
    await dialog.getByLabel(/Why are you asking/).fill('The LoRA does not fit the poster series.');
    await checkPage(buyer, 'order-refund-line-dialog');
    await dialog.getByRole('button', { name: 'Refund €12.50' }).click();
    await dialog.waitFor({ state: 'detached' });
    await buyer.getByTestId('order-refund').getByText('“The LoRA does not fit the poster series.”').waitFor();
    for (let tries = 0; tries < 60; tries += 1) {
      const statuses = await buyer.getByTestId('order-line-status').allTextContents();
      if (statuses[1] === 'Refunded') break;
      await buyer.waitForTimeout(500);
    }
    expect(await buyer.getByTestId('order-line-status').allTextContents()).toEqual(['Paid', 'Refunded']);
    await buyer.getByText('1 of the 2 licences is yours', { exact: false }).waitFor();
    await checkPage(buyer, 'order-line-refunded');

    // The library lists the order's lines and both licences (one of them ended by the refund).
    await buyer.goto(url('/library'));
    const row = buyer.getByTestId('order-row').first();
    await row.getByText('2 licences').waitFor();
    expect(await row.getByTestId('order-row-lines').locator('li').count()).toBe(2);
    await buyer.getByTestId('licence').nth(1).waitFor();
    expect(await buyer.getByTestId('licence').count()).toBe(2);
    await buyer.getByText('Revoked: Refunded.').waitFor();
    await checkPage(buyer, 'library-order-lines');
  });
});
