import type { Browser, Page } from 'playwright-core';
import type { TestUser } from '@lookbook/testing';
import { generateCatalog } from '@lookbook/testing';
import { SearchSyncService } from '@lookbook/search';
import { world } from '../e2e/support/world';
import { startBrowserJourney } from './support/browser';
import { checkPage, horizontalOverflow, settled } from './support/pages';

/**
 * The home page as people meet it: signed out, what Lookbook is, what is trending (cards with likes, downloads and a
 * rating, read from the search index) and popular creators; signed in and following nobody, an invitation with
 * creators to follow; following someone, their new work. Then a search saved from the browse page.
 */
describe('home journey', () => {
  let journey: Awaited<ReturnType<typeof startBrowserJourney>>;
  let browser: Browser;
  let creator: TestUser;
  let member: TestUser;
  let liked: string;

  const url = (path: string) => `${journey.baseUrl}${path}`;

  beforeAll(async () => {
    journey = await startBrowserJourney({});
    browser = journey.browser;
    await generateCatalog(journey.api.db, 8);
    const people = world(journey.api);
    creator = await people.member();
    member = await people.member();
    const fans = [await people.member(), await people.member(), await people.member()];
    const [row] = await journey.api.db.query<{ id: string }>(
      `UPDATE catalog.style_model SET owner_id = $1 WHERE slug = 'style-1' RETURNING id`,
      [creator.id],
    );
    liked = row!.id;
    // The catalog generator published it as its first owner: its activity is the new owner's now too.
    await journey.api.db.query(`UPDATE community.activity SET actor_id = $1 WHERE subject_id = $2`, [
      creator.id,
      liked,
    ]);
    // Three likes this week and two ratings (4 and 5), through the counters as the services and reviews write them.
    for (const fan of fans)
      await people.as(fan)(`mutation($id: UUID!) { like(kind: MODEL, id: $id) { liked } }`, { id: liked });
    await journey.api.db.query(
      `INSERT INTO community.counter (subject_kind, subject_id, metric, shard, value)
       VALUES ('MODEL', $1, 'RATING_SUM', 0, 9), ('MODEL', $1, 'RATING_COUNT', 0, 2)`,
      [liked],
    );
    // What the per-minute flush does: the changed counts reach the index.
    await journey.api.app.get(SearchSyncService).flushCounts();
  });
  afterAll(() => journey?.close());

  const signIn = async (page: Page, user: TestUser) => {
    await page.goto(url('/sign-in'));
    await page.getByLabel(/Email or handle/i).fill(user.handle);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account-link').waitFor({ state: 'attached' });
  };

  it('signed out: the statement, trending cards with counts and rating, popular creators; at desktop and 390 px', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(url('/'));
    await page.getByRole('heading', { name: 'Style models and ComfyUI workflows, licensed clearly.' }).waitFor();
    const trending = page.getByTestId('home-trending');
    const first = trending.getByTestId('model-card').first();
    await first.waitFor();
    // The liked model trends first, its counts and rating from the search hit.
    expect(await first.getByTestId('card-counts').textContent()).toContain('♥ 3');
    expect(await first.getByTestId('card-rating').textContent()).toBe('★ 4.5 (2)');
    await page.getByTestId('popular-creators').getByRole('link').first().waitFor();
    await settled(page);
    await checkPage(page, 'home-signed-out');
    await page.setViewportSize({ width: 390, height: 844 });
    await settled(page);
    expect(await horizontalOverflow(page)).toEqual([]);
    await checkPage(page, 'home-signed-out-phone');
    // "See all" opens the browse page in that sort, the sort menu showing it.
    await trending.getByRole('link', { name: 'See all' }).click();
    await page.waitForURL((u) => u.pathname === '/browse' && u.searchParams.get('sort') === 'TRENDING');
    expect(await page.getByLabel('Sort by').inputValue()).toBe('TRENDING');
  });

  it('signed in and following nobody: an invitation with creators to follow; following one: their new work', async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await signIn(page, member);
    await page.goto(url('/'));
    const following = page.getByTestId('home-following');
    await following.getByRole('heading', { name: 'Follow a few creators' }).waitFor();
    await following.getByTestId('popular-creators').getByRole('link').first().waitFor();
    await settled(page);
    await checkPage(page, 'home-following-nobody-phone');
    await world(journey.api).as(member)(`mutation($id: UUID!) { follow(kind: USER, id: $id) { following } }`, {
      id: creator.id,
    });
    await page.reload();
    await following.getByRole('link', { name: 'Your feed' }).waitFor();
    expect(await following.getByRole('listitem').count()).toBeGreaterThan(0);
    await settled(page);
    expect(await horizontalOverflow(page)).toEqual([]);
    await checkPage(page, 'home-following-phone');
  });

  it('saves a search from the browse page and finds it among saved searches', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, member);
    await page.goto(url('/browse?q=style&sort=MOST_LIKED'));
    await page.getByRole('button', { name: 'Save this search' }).click();
    await page.getByTestId('search-saved').waitFor();
    await page.getByRole('link', { name: 'Your saved searches' }).click();
    await page.waitForURL(/\/saved-searches$/);
    const row = page.getByTestId('saved-search').first();
    await row.filter({ hasText: 'style' }).waitFor();
    expect(await row.getByRole('link').getAttribute('href')).toBe('/browse?q=style&sort=MOST_LIKED');
    await checkPage(page, 'saved-searches');
    await row.getByRole('button', { name: 'Rename' }).click();
    await row.getByLabel('Name').fill('Styles people like');
    await row.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('saved-search').filter({ hasText: 'Styles people like' }).waitFor();
    await page.getByTestId('saved-search').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('heading', { name: 'No saved searches yet' }).waitFor();
  });
});
