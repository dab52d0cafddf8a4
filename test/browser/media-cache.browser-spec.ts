import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { pngWithText } from '@lookbook/testing';
import { world } from '../e2e/support/world';
import { startBrowserJourney } from './support/browser';

/** Every /media response the page got, and whether Chromium served it from its cache (CDP's view of the network). */
async function mediaResponses(page: Page): Promise<Map<string, { status: number; fromCache: boolean }>> {
  const seen = new Map<string, { status: number; fromCache: boolean }>();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  cdp.on('Network.requestServedFromCache', (event) => {
    const url = urls.get(event.requestId);
    if (url?.includes('/media/')) seen.set(url, { status: 200, fromCache: true });
  });
  cdp.on('Network.responseReceived', (event) => {
    if (!event.response.url.includes('/media/')) return;
    const cached =
      event.response.fromDiskCache || event.response.fromPrefetchCache || seen.get(event.response.url)?.fromCache;
    seen.set(event.response.url, { status: event.response.status, fromCache: !!cached });
  });
  return seen;
}

/** Resolves once every <img> on the page has decoded (a string: this runs in the browser, not in Node). */
const imagesLoaded = (page: Page) =>
  page.waitForFunction(`[...document.querySelectorAll('img')].every((img) => img.complete && img.naturalWidth > 0)`);

describe('model page images: stable URLs, cached by the browser', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let browser: Browser;
  let modelId: string;

  beforeAll(async () => {
    journey = await startBrowserJourney();
    browser = journey.browser;
    const { api } = journey;
    const creator = await world(api).member();
    const as = world(api).as(creator);
    const model = await as<{ createStyleModel: { id: string } }>(
      `mutation { createStyleModel(input: { name: "Harbour Dusk", type: LORA, baseModelId: "sdxl-1.0", maturity: SFW, description: "Warm evening light." }) { id } }`,
    );
    modelId = model.data!.createStyleModel.id;
    const version = await as<{ createModelVersion: { id: string } }>(
      `mutation($m: UUID!) { createModelVersion(modelId: $m, input: { name: "v1" }) { id } }`,
      { m: modelId },
    );
    for (const [width, height] of [
      [1600, 1000],
      [900, 1200],
    ] as const) {
      const added = await request(api.server)
        .post(`/api/v1/model-versions/${version.data!.createModelVersion.id}/sample-images`)
        .set('authorization', `Bearer ${creator.accessToken}`)
        .set('content-type', 'image/png')
        .send(await pngWithText(width, height, {}));
      expect(added.status).toBe(201);
    }
    // Publishing needs an ingested model file (the worker) — covered by the catalog journeys; here the page matters.
    await api.db.query(
      `UPDATE catalog.model_version SET status = 'PUBLISHED', published_at = now() WHERE model_id = $1`,
      [modelId],
    );
    await api.db.query(`UPDATE catalog.style_model SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [
      modelId,
    ]);
  });
  afterAll(() => journey?.close());

  it('loads every image from a stable /media URL, and a second visit takes them all from the cache', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const responses = await mediaResponses(page);
    await page.goto(`${journey.baseUrl}/models/${modelId}`);
    await page.getByTestId('model-page').waitFor();
    const images = page.getByTestId('sample-image');
    expect(await images.count()).toBe(2);
    await imagesLoaded(page);
    const first = new Map(responses);
    expect(first.size).toBeGreaterThanOrEqual(2);
    for (const [url, response] of first) {
      expect(url).toMatch(/\/media\/[0-9a-f]{64}\.webp$/);
      expect(response).toEqual({ status: 200, fromCache: false });
    }

    responses.clear();
    await page.goto(`${journey.baseUrl}/models/${modelId}`);
    await page.getByTestId('model-page').waitFor();
    await imagesLoaded(page);
    expect([...responses.keys()].sort()).toEqual([...first.keys()].sort());
    expect([...responses.values()].every((r) => r.fromCache)).toBe(true);
    const shots = process.env['SCREENSHOT_DIR'];
    if (shots) {
      await page.screenshot({ path: `${shots}/model-page-desktop.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${shots}/model-page-phone.png`, fullPage: true });
    }
    await context.close();
  });

  it('says so when the model does not exist, and while it loads', async () => {
    const page = await browser.newPage();
    await page.route('**/graphql', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await page.goto(`${journey.baseUrl}/models/0190a5b0-0000-7000-8000-000000000099`);
    await page.getByTestId('loading').waitFor();
    // Not found is permanent: the not-found page, with no "Try again".
    await page.getByText('There is nothing at this address').waitFor();
    expect(await page.getByRole('button', { name: /try again/i }).count()).toBe(0);
  });
});
