import type { INestApplicationContext } from '@nestjs/common';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestUser } from '@lookbook/testing';
import { signUpUser } from '@lookbook/testing';
import { startTestWorker } from '../e2e/support/test-worker';
import type { ReadyVersion } from '../e2e/support/versions';
import { publishedVersion } from '../e2e/support/versions';
import { startBrowserJourney } from './support/browser';
import { screenshots } from './support/pages';

/**
 * Addresses and origins in Chromium, on a server with no PUBLIC_URL (a fresh `npm start`): the URL is the state
 * (filters with Back, exclusions as words, the chosen version), unknown addresses show the app's 404 page, and a buyer
 * who signs in on 127.0.0.1 — or on localhost — pays through the local gateway and comes back to the same origin,
 * still signed in.
 */
describe('addresses and origins in the browser', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let worker: INestApplicationContext;
  let creator: TestUser;
  let first: ReadyVersion;
  let port: string;
  const modelName = `Salt Marsh ${Date.now() % 100000}`;

  beforeAll(async () => {
    journey = await startBrowserJourney({ env: { PUBLIC_URL: '' } });
    port = new URL(journey.baseUrl).port;
    worker = await startTestWorker(journey.api.db.url, {
      env: { LOCAL_GATEWAY_WEBHOOK_URL: `${journey.baseUrl}/webhooks/stripe`, DATA_DIR: journey.api.dataDir },
    });
    creator = await signUpUser(journey.api.server);
    // One model with two versions (v1, then v2), tagged so that an exclusion can take it out; another untagged one.
    first = await publishedVersion(journey.api, creator, { name: modelName, tags: ['landscape', 'marsh'] });
    await publishedVersion(journey.api, creator, { modelId: first.modelId, versionName: 'v2' });
    await publishedVersion(journey.api, creator, { name: `Dune ${Date.now() % 100000}`, tags: ['desert'] });
  });
  afterAll(async () => {
    await worker?.close();
    await journey?.close();
  });

  const at = (host: string, path: string) => `http://${host}:${port}${path}`;
  const pathAndQuery = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;
  let context: BrowserContext;
  let page: Page;
  beforeEach(async () => {
    context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  const card = (name: string) => page.getByTestId('model-card').filter({ hasText: name });

  it('Back undoes a filter, one step at a time; a search is one step however long it took to type', async () => {
    await page.goto(at('127.0.0.1', '/browse'));
    await card(modelName).waitFor();
    await page.getByRole('heading', { name: 'All models and templates' }).waitFor();
    await page.getByTestId('facet-commercial').click();
    await page.waitForURL(/\?commercial=true$/);
    await page.getByTestId('search-input').fill('salt marsh');
    await page.getByTestId('search-input').press('Enter');
    await page.waitForURL(/q=salt\+marsh/);
    await page.getByRole('heading', { name: 'Results for “salt marsh”' }).waitFor();

    await page.goBack();
    await page.waitForURL((url) => url.search === '?commercial=true');
    await page.getByRole('heading', { name: 'All models and templates' }).waitFor();
    expect(await page.getByTestId('search-input').inputValue()).toBe('');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/browse' && url.search === '');
    await page.goForward();
    await page.waitForURL((url) => url.search === '?commercial=true');
  });

  it('exclusions read as words in the URL and round-trip: ?not=landscape', async () => {
    // An address from before browsing had its own page still finds its search.
    await page.goto(at('127.0.0.1', '/?not=landscape'));
    await page.waitForURL((url) => url.pathname === '/browse');
    await page.getByRole('button', { name: 'Not #landscape (remove filter)' }).waitFor();
    await card(modelName).waitFor({ state: 'detached' });
    expect(pathAndQuery(page)).toBe('/browse?not=landscape');
    // Another filter keeps the words as words.
    await page.getByTestId('facet-commercial').click();
    await page.waitForURL((url) => url.search === '?commercial=true&not=landscape');
    // Commas and a repeated key read the same.
    for (const query of ['?not=landscape,desert', '?not=landscape&not=desert']) {
      await page.goto(at('127.0.0.1', `/browse${query}`));
      await page.getByRole('button', { name: 'Not #desert (remove filter)' }).waitFor();
      await page.getByRole('button', { name: 'Not #landscape (remove filter)' }).waitFor();
    }
    // Removing one chip leaves the other, written as a word.
    await page.getByRole('button', { name: 'Not #landscape (remove filter)' }).click();
    await page.waitForURL((url) => url.search === '?not=desert');
    await card(modelName).waitFor();
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.getAll('not').join() === 'landscape,desert');
    await screenshots(page, 'browse-excluded');
  });

  it('the chosen version is in the URL: a reload or a shared link keeps it', async () => {
    await page.goto(at('127.0.0.1', `/models/${first.modelId}`));
    const versions = page.getByRole('group', { name: 'Versions' });
    await versions.getByRole('button', { name: 'v2' }).waitFor();
    expect(await versions.getByRole('button', { name: 'v2' }).getAttribute('aria-pressed')).toBe('true');
    await versions.getByRole('button', { name: 'v1' }).click();
    await page.waitForURL((url) => url.searchParams.get('version') === first.versionId);
    await page.reload();
    await versions.getByRole('button', { name: 'v1' }).waitFor();
    expect(await versions.getByRole('button', { name: 'v1' }).getAttribute('aria-pressed')).toBe('true');
    // Back returns to the version shown before.
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('version'));
    expect(await versions.getByRole('button', { name: 'v2' }).getAttribute('aria-pressed')).toBe('true');
    // A link to a version opens its model on that version.
    await page.goto(at('127.0.0.1', `/versions/${first.versionId}`));
    await page.waitForURL(
      (url) => url.pathname === `/models/${first.modelId}` && url.search === `?version=${first.versionId}`,
    );
    expect(await versions.getByRole('button', { name: 'v1' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('unknown addresses show the app’s 404 page; a model that does not exist offers no "Try again"', async () => {
    for (const path of ['/this-does-not-exist', '/Library', '/models/not-a-uuid', '/u/x']) {
      const response = await page.goto(at('127.0.0.1', path));
      expect({ path, status: response?.status() }).toEqual({ path, status: 404 });
      await page.getByText('There is nothing at this address').waitFor();
      await page
        .getByTestId('account-link')
        .or(page.getByRole('link', { name: 'Sign in' }))
        .first()
        .waitFor();
    }
    await screenshots(page, 'not-found');
    await page.goto(at('127.0.0.1', '/models/0190a5b0-0000-7000-8000-000000000001'));
    await page.getByText('There is nothing at this address').waitFor();
    expect(await page.getByRole('button', { name: /try again/i }).count()).toBe(0);
    // A trailing slash is normalised before the app loads.
    await page.goto(at('127.0.0.1', '/check/?x=1'));
    expect(pathAndQuery(page)).toBe('/check?x=1');
  });

  it.each(['127.0.0.1', 'localhost'])(
    'signed in on %s, a buyer pays through the local gateway and comes back there, still signed in',
    async (host) => {
      await page.goto(at(host, '/sign-up'));
      const handle = `buyer-${host.replace(/\W/g, '')}-${Date.now() % 100000}`;
      await page.getByLabel('Handle').fill(handle);
      await page.getByLabel('Display name').fill('Buyer');
      await page.getByLabel('Email').fill(`${handle}@example.test`);
      await page.getByLabel('Password').fill('lantern-harbor-violet-93');
      await page.getByText(/I accept the terms/).click();
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByTestId('account-link').waitFor();
      await page.goto(at(host, `/models/${first.modelId}?version=${first.versionId}`));
      await page.getByRole('button', { name: /Buy Commercial/ }).click();
      await page.waitForURL((url) => url.host === `${host}:${port}` && url.pathname.startsWith('/local-gateway/'));
      await page.getByRole('button', { name: /Pay with test card/ }).click();
      await page.waitForURL(
        (url) =>
          url.host === `${host}:${port}` && url.pathname.startsWith('/orders/') && url.search === '?checkout=success',
      );
      await page.getByTestId('order-licensed').waitFor({ timeout: 30_000 });
      await page.getByTestId('account-link').waitFor();
      expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
      // Media come from the page's own origin.
      const images = await page.evaluate<string[]>('[...document.images].map((img) => img.src)');
      for (const src of images.filter((s) => s.includes('/media/'))) expect(new URL(src).host).toBe(`${host}:${port}`);
    },
  );
});
