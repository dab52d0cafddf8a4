import type { Browser, Page } from 'playwright-core';
import type { TestUser } from '@lookbook/testing';
import { world } from '../e2e/support/world';
import { startBrowserJourney } from './support/browser';
import { checkPage, horizontalOverflow, settled } from './support/pages';

/**
 * The bell as a creator lives with it: another account follows them and the badge changes without a reload; the
 * popover and the page list it (the follower's name, carrying markup, shows as text); preferences are saved.
 */
describe('notifications journey', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let browser: Browser;
  let page: Page;
  let creator: TestUser;
  let fans: TestUser[];
  const url = (path: string) => `${journey.baseUrl}${path}`;
  const FOLLOW = `mutation($id: UUID!) { follow(kind: USER, id: $id) { following } }`;

  beforeAll(async () => {
    journey = await startBrowserJourney({});
    browser = journey.browser;
    const people = world(journey.api);
    creator = await people.member();
    fans = [await people.member(), await people.member()];
    const rename = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;
    await people.as(fans[0]!)(rename, {
      input: { displayName: '<img src=x onerror="window.__pwned=1">Ada' },
    });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(url('/sign-in'));
    await page.getByLabel('Email').fill(creator.email);
    await page.getByLabel('Password').fill(creator.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account-link').waitFor();
  });
  afterAll(() => journey?.close());

  it('the bell updates live when another account follows', async () => {
    await page.goto(url('/feed'));
    await settled(page);
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    expect(await page.getByTestId('notification-count').count()).toBe(0);
    await page.waitForTimeout(3500); // the stream joins after the page has loaded
    await world(journey.api).as(fans[0]!)(FOLLOW, { id: creator.id });
    await page.getByTestId('notification-count').filter({ hasText: '1' }).waitFor({ timeout: 10_000 });
    await world(journey.api).as(fans[1]!)(FOLLOW, { id: creator.id });
    // Two follows of one member on one day are one line: the count of unread lines stays 1.
    await bell.click();
    const item = page.getByRole('dialog', { name: 'Latest notifications' }).getByTestId('notification').first();
    await item.waitFor();
    expect(await item.textContent()).toMatch(/followed you/);
    await checkPage(page, 'notifications-bell');
  });

  it('the page lists grouped lines as text, and marks them read', async () => {
    await page.goto(url('/notifications'));
    await settled(page);
    const items = page.getByTestId('notification');
    await items.first().waitFor();
    const text = (await items.first().textContent()) ?? '';
    expect(text).toMatch(/and 1 other followed you|followed you/);
    expect(await page.locator('[data-testid="notification"] img, [data-testid="notification"] script').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await checkPage(page, 'notifications-page');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByTestId('notification-count').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Unread' }).click();
    await page.getByText('All caught up').waitFor();
  });

  it('preferences are saved', async () => {
    await page.goto(url('/settings/notifications'));
    await settled(page);
    const likes = page.getByLabel('Likes of your work by mail');
    expect(await likes.inputValue()).toBe('DIGEST');
    await likes.selectOption('OFF');
    await page.getByText('Saved.').waitFor();
    // Saved, then shown: the box follows the server's answer.
    await page.getByLabel('Sales in the bell').click();
    await page.locator('input[aria-label="Sales in the bell"]:not(:checked)').waitFor();
    await page.reload();
    await settled(page);
    expect(await page.getByLabel('Likes of your work by mail').inputValue()).toBe('OFF');
    expect(await page.getByLabel('Sales in the bell').isChecked()).toBe(false);
    await checkPage(page, 'notifications-settings');
  });
});
